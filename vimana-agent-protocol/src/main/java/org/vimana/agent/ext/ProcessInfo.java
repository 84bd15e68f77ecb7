package org.vimana.agent.ext;

import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** One process from /proc/PID/{stat,status,cmdline}; cpuPercent is of one CPU over the interval. */
public record ProcessInfo(
    long pid,
    long ppid,
    String name,
    String state,
    long uid,
    long rssBytes,
    long cpuTicks,
    double cpuPercent,
    long threads,
    String cmdline) {

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("pid", pid)
        .put("ppid", ppid)
        .put("name", name)
        .put("state", state)
        .put("uid", uid)
        .put("rss-bytes", rssBytes)
        .put("cpu-ticks", cpuTicks)
        .put("cpu-percent", cpuPercent)
        .put("threads", threads)
        .put("cmdline", cmdline)
        .build();
  }

  public static ProcessInfo fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "processes[]");
    return new ProcessInfo(
        o.integer("pid"),
        o.integer("ppid"),
        o.str("name"),
        o.str("state"),
        o.integer("uid"),
        o.integer("rss-bytes"),
        o.integer("cpu-ticks"),
        o.number("cpu-percent"),
        o.integer("threads"),
        o.str("cmdline"));
  }
}
