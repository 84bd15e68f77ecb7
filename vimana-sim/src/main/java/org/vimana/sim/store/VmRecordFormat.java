package org.vimana.sim.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;

/**
 * The on-disk form of a {@link VmRecord}: a {@link Properties} file, keys sorted, one per line.
 *
 * <pre>
 * # Vimana sim VM state
 * bootCount=3
 * format=1
 * id=vm-42
 * label.team=web
 * poweredOnAt=2025-01-01T00\:00\:00Z
 * resumeState=RUNNING
 * spec.diskGib=20
 * spec.image=debian-12
 * spec.memoryMib=2048
 * spec.name=web-1
 * spec.vcpus=2
 * state=RUNNING
 * workload.cpu=0.5
 * workload.kind=constant
 * workload.memory=0.3
 * </pre>
 */
public final class VmRecordFormat {
  /** The format version written in {@code format=}; a file with another version is refused. */
  public static final int VERSION = 1;

  private static final String LABEL = "label.";

  private VmRecordFormat() {}

  /** The file content for {@code record}. */
  public static String encode(VmRecord record) {
    Map<String, String> m = new TreeMap<>();
    m.put("format", Integer.toString(VERSION));
    m.put("id", record.id());
    m.put("state", record.state().name());
    m.put("resumeState", record.resumeState().name());
    m.put("bootCount", Long.toString(record.bootCount()));
    m.put("poweredOnAt", record.poweredOnAt().toString());
    VmSpec spec = record.spec();
    m.put("spec.name", spec.name());
    m.put("spec.vcpus", Integer.toString(spec.vcpus()));
    m.put("spec.memoryMib", Long.toString(spec.memoryMib()));
    m.put("spec.diskGib", Long.toString(spec.diskGib()));
    m.put("spec.image", spec.image());
    WorkloadFormat.write(spec.workload(), m);
    spec.labels().forEach((k, v) -> m.put(LABEL + k, v));
    Properties p = new Properties();
    p.putAll(m);
    StringWriter w = new StringWriter();
    try {
      p.store(w, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    // store() writes one line per entry (newlines escaped) in hash order, after a date comment:
    // sort the entries and replace the date so equal records give equal files.
    String body =
        w.toString()
            .lines()
            .filter(l -> !l.startsWith("#"))
            .sorted()
            .collect(Collectors.joining("\n", "", "\n"));
    return "# Vimana sim VM state\n" + body;
  }

  /**
   * Reads a record back.
   *
   * @throws IllegalArgumentException naming the bad key and value when the content is not a valid
   *     record
   */
  public static VmRecord decode(String content) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(content));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    Fields f = new Fields(p);
    int version = f.intValue("format");
    if (version != VERSION) {
      throw new IllegalArgumentException(
          "format version " + version + " is not supported (expected " + VERSION + ")");
    }
    Map<String, String> labels = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(LABEL)) {
        labels.put(key.substring(LABEL.length()), p.getProperty(key));
      }
    }
    VmSpec spec =
        new VmSpec(
            f.string("spec.name"),
            f.intValue("spec.vcpus"),
            f.longValue("spec.memoryMib"),
            f.longValue("spec.diskGib"),
            f.string("spec.image"),
            WorkloadFormat.read(f),
            labels);
    return new VmRecord(
        f.string("id"),
        spec,
        state(f, "state"),
        f.longValue("bootCount"),
        instant(f, "poweredOnAt"),
        state(f, "resumeState"));
  }

  private static VmState state(Fields f, String key) {
    String v = f.string(key);
    try {
      return VmState.valueOf(v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Fields.invalid(key, v, "a VM state"), e);
    }
  }

  private static Instant instant(Fields f, String key) {
    String v = f.string(key);
    try {
      return Instant.parse(v.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(Fields.invalid(key, v, "an ISO-8601 instant"), e);
    }
  }
}
