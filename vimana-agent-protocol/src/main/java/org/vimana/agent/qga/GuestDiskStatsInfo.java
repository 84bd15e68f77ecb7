package org.vimana.agent.qga;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/**
 * guest-get-diskstats element: one block device and its /proc/diskstats counters. The counters keep
 * QEMU's member names ("read-sectors", "write-ios", ...) in {@link #COUNTERS} order; a counter the
 * kernel does not report (old kernels lack discard and flush) is absent.
 */
public record GuestDiskStatsInfo(String name, long major, long minor, Map<String, Long> stats) {
  /** QEMU's counter names, in /proc/diskstats column order (fields 4 to 20). */
  public static final List<String> COUNTERS =
      List.of(
          "read-ios",
          "read-merges",
          "read-sectors",
          "read-ticks",
          "write-ios",
          "write-merges",
          "write-sectors",
          "write-ticks",
          "ios-pgr",
          "total-ticks",
          "weight-ticks",
          "discard-ios",
          "discard-merges",
          "discard-sectors",
          "discard-ticks",
          "flush-ios",
          "flush-ticks");

  public GuestDiskStatsInfo {
    for (String key : stats.keySet()) {
      if (!COUNTERS.contains(key)) {
        throw new IllegalArgumentException("unknown disk counter '" + key + "'");
      }
    }
    stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
  }

  /** A counter, or -1 when absent. */
  public long counter(String key) {
    Long v = stats.get(key);
    return v == null ? -1 : v;
  }

  public JsonObject toJson() {
    JsonObject.Builder s = JsonObject.builder();
    stats.forEach(s::put);
    return JsonObject.builder()
        .put("name", name)
        .put("major", major)
        .put("minor", minor)
        .put("stats", s.build())
        .build();
  }

  public static GuestDiskStatsInfo fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "return[]");
    JsonObject s = o.obj("stats");
    Map<String, Long> stats = new LinkedHashMap<>();
    for (String key : s.members().keySet()) {
      if (COUNTERS.contains(key)) { // a newer agent may add counters: ignore them
        stats.put(key, s.integer(key));
      }
    }
    return new GuestDiskStatsInfo(o.str("name"), o.integer("major"), o.integer("minor"), stats);
  }
}
