package org.vimana.guest.proc;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vimana.agent.ext.StatusSnapshot;

/**
 * /proc/meminfo, the lines a status reports, values converted to bytes. Every line must be "Key:
 * value"; only the used ones are split and parsed (the file has some 55 lines, and this runs at
 * every push).
 */
public record MemInfo(Map<String, Long> bytes) {
  private static final Set<String> USED =
      Set.of("MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapTotal", "SwapFree");

  public MemInfo {
    bytes = Map.copyOf(bytes);
  }

  public static MemInfo read(SystemRoot root) throws IOException {
    return parse(root.lines("proc/meminfo"));
  }

  static MemInfo parse(List<String> lines) throws ParseException {
    Map<String, Long> out = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int colon = line.indexOf(':');
      if (line.isBlank()) {
        continue;
      }
      if (colon > 0 && !USED.contains(line.substring(0, colon))) {
        continue;
      }
      String[] parts = colon < 0 ? new String[0] : Fields.of(line.substring(colon + 1));
      if (colon < 0 || parts.length == 0 || parts[0].isEmpty()) {
        throw new ParseException("/proc/meminfo", i + 1, "expected 'Key: value [kB]'");
      }
      try {
        long v = Long.parseLong(parts[0]);
        out.put(line.substring(0, colon), parts.length > 1 && parts[1].equals("kB") ? v * 1024 : v);
      } catch (NumberFormatException e) {
        throw new ParseException("/proc/meminfo", i + 1, "not a number: " + parts[0]);
      }
    }
    if (!out.containsKey("MemTotal")) {
      throw new ParseException("/proc/meminfo", lines.size(), "no MemTotal line");
    }
    return new MemInfo(out);
  }

  public long get(String key) {
    return bytes.getOrDefault(key, 0L);
  }

  /** MemAvailable, or an estimate from free + buffers + cached on kernels before 3.14. */
  public long available() {
    Long a = bytes.get("MemAvailable");
    return a != null ? a : get("MemFree") + get("Buffers") + get("Cached");
  }

  public StatusSnapshot.Memory toMemory() {
    return new StatusSnapshot.Memory(
        get("MemTotal"),
        get("MemFree"),
        available(),
        get("Buffers"),
        get("Cached"),
        get("SwapTotal"),
        get("SwapFree"));
  }
}
