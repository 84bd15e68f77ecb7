package org.vimana.agent.ext;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonArray;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/**
 * vimana-status: everything an operator looks at first, in one reply. Rates and percentages are
 * over {@code intervalSeconds}, the time since the agent's previous sample (0 on the first one,
 * when they are averages since boot for CPU and zero for rates). {@code sections} are the parts
 * taken (see {@link StatusRequest#sections()}); the lists of the others are empty, and their keys
 * absent from the JSON, so "none" and "not asked for" stay apart.
 */
public record StatusSnapshot(
    long takenAtMillis,
    double intervalSeconds,
    double uptimeSeconds,
    Cpu cpu,
    Memory memory,
    Load load,
    List<DiskIo> disks,
    List<FilesystemUsage> filesystems,
    List<InterfaceTraffic> interfaces,
    List<ProcessInfo> processes,
    List<ListeningSocket> sockets,
    List<ServiceState> services,
    List<HealthCheck.Result> health,
    Set<StatusSection> sections) {

  public StatusSnapshot {
    sections = StatusSection.copy(sections);
    disks = List.copyOf(disks);
    filesystems = List.copyOf(filesystems);
    interfaces = List.copyOf(interfaces);
    processes = List.copyOf(processes);
    sockets = List.copyOf(sockets);
    services = List.copyOf(services);
    health = List.copyOf(health);
  }

  /** CPU usage in percent of all CPUs over the interval, plus /proc/stat counters. */
  public record Cpu(
      int count,
      double usagePercent,
      double userPercent,
      double systemPercent,
      double iowaitPercent,
      double stealPercent,
      long contextSwitches,
      long procsRunning,
      long procsBlocked) {

    public JsonObject toJson() {
      return JsonObject.builder()
          .put("count", count)
          .put("usage-percent", usagePercent)
          .put("user-percent", userPercent)
          .put("system-percent", systemPercent)
          .put("iowait-percent", iowaitPercent)
          .put("steal-percent", stealPercent)
          .put("context-switches", contextSwitches)
          .put("procs-running", procsRunning)
          .put("procs-blocked", procsBlocked)
          .build();
    }

    public static Cpu fromJson(JsonObject o) {
      return new Cpu(
          (int) o.integer("count"),
          o.number("usage-percent"),
          o.number("user-percent"),
          o.number("system-percent"),
          o.number("iowait-percent"),
          o.number("steal-percent"),
          o.integer("context-switches"),
          o.integer("procs-running"),
          o.integer("procs-blocked"));
    }
  }

  /** /proc/meminfo, in bytes. */
  public record Memory(
      long totalBytes,
      long freeBytes,
      long availableBytes,
      long buffersBytes,
      long cachedBytes,
      long swapTotalBytes,
      long swapFreeBytes) {

    public long usedBytes() {
      return totalBytes - availableBytes;
    }

    public JsonObject toJson() {
      return JsonObject.builder()
          .put("total-bytes", totalBytes)
          .put("free-bytes", freeBytes)
          .put("available-bytes", availableBytes)
          .put("buffers-bytes", buffersBytes)
          .put("cached-bytes", cachedBytes)
          .put("swap-total-bytes", swapTotalBytes)
          .put("swap-free-bytes", swapFreeBytes)
          .build();
    }

    public static Memory fromJson(JsonObject o) {
      return new Memory(
          o.integer("total-bytes"),
          o.integer("free-bytes"),
          o.integer("available-bytes"),
          o.integer("buffers-bytes"),
          o.integer("cached-bytes"),
          o.integer("swap-total-bytes"),
          o.integer("swap-free-bytes"));
    }
  }

  /** /proc/loadavg. */
  public record Load(double one, double five, double fifteen, long runnable, long tasks) {
    public JsonObject toJson() {
      return JsonObject.builder()
          .put("load1", one)
          .put("load5", five)
          .put("load15", fifteen)
          .put("runnable", runnable)
          .put("tasks", tasks)
          .build();
    }

    public static Load fromJson(JsonObject o) {
      return new Load(
          o.number("load1"),
          o.number("load5"),
          o.number("load15"),
          o.integer("runnable"),
          o.integer("tasks"));
    }
  }

  public JsonObject toJson() {
    JsonObject.Builder b =
        JsonObject.builder()
            .put("taken-at-ms", takenAtMillis)
            .put("interval-seconds", intervalSeconds)
            .put("uptime-seconds", uptimeSeconds)
            .put("cpu", cpu.toJson())
            .put("memory", memory.toJson())
            .put("load", load.toJson());
    section(b, StatusSection.DISKS, JsonArray.of(disks, DiskIo::toJson));
    section(b, StatusSection.FILESYSTEMS, JsonArray.of(filesystems, FilesystemUsage::toJson));
    section(b, StatusSection.INTERFACES, JsonArray.of(interfaces, InterfaceTraffic::toJson));
    section(b, StatusSection.PROCESSES, JsonArray.of(processes, ProcessInfo::toJson));
    section(b, StatusSection.SOCKETS, JsonArray.of(sockets, ListeningSocket::toJson));
    section(b, StatusSection.SERVICES, JsonArray.of(services, ServiceState::toJson));
    section(b, StatusSection.HEALTH, JsonArray.of(health, HealthCheck.Result::toJson));
    return b.build();
  }

  private void section(JsonObject.Builder b, StatusSection s, JsonArray value) {
    if (sections.contains(s)) {
      b.put(s.wireName(), value);
    }
  }

  public static StatusSnapshot fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "return");
    Set<StatusSection> sections = EnumSet.noneOf(StatusSection.class);
    for (StatusSection s : StatusSection.values()) {
      if (o.has(s.wireName())) {
        sections.add(s);
      }
    }
    return new StatusSnapshot(
        o.integer("taken-at-ms"),
        o.number("interval-seconds"),
        o.number("uptime-seconds"),
        Cpu.fromJson(o.obj("cpu")),
        Memory.fromJson(o.obj("memory")),
        Load.fromJson(o.obj("load")),
        o.list("disks", DiskIo::fromJson),
        o.list("filesystems", FilesystemUsage::fromJson),
        o.list("interfaces", InterfaceTraffic::fromJson),
        o.list("processes", ProcessInfo::fromJson),
        o.list("sockets", ListeningSocket::fromJson),
        o.list("services", ServiceState::fromJson),
        o.list("health", HealthCheck.Result::fromJson),
        sections);
  }
}
