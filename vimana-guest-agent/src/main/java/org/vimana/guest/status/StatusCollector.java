package org.vimana.guest.status;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.vimana.agent.ext.DiskIo;
import org.vimana.agent.ext.HealthCheck;
import org.vimana.agent.ext.InterfaceTraffic;
import org.vimana.agent.ext.ProcessInfo;
import org.vimana.agent.ext.StatusRequest;
import org.vimana.agent.ext.StatusSection;
import org.vimana.agent.ext.StatusSnapshot;
import org.vimana.agent.qga.GuestNetworkInterface;
import org.vimana.guest.proc.DiskStats;
import org.vimana.guest.proc.Filesystems;
import org.vimana.guest.proc.ListeningSockets;
import org.vimana.guest.proc.LoadAvg;
import org.vimana.guest.proc.MemInfo;
import org.vimana.guest.proc.NetDev;
import org.vimana.guest.proc.ProcStat;
import org.vimana.guest.proc.Processes;
import org.vimana.guest.proc.Services;
import org.vimana.guest.proc.SystemRoot;

/** Takes status snapshots; thread-safe (snapshots are serialised, they share the delta base). */
public final class StatusCollector {
  private static final long SECTOR = 512;

  private final SystemRoot root;
  private final Clock clock;
  private final Processes processes;
  private final Filesystems filesystems;
  private final Services services;
  private final List<String> configuredServices;
  private final Supplier<List<HealthCheck.Result>> health;
  private final ProcessDetails details;

  public StatusCollector(
      SystemRoot root,
      Clock clock,
      Processes processes,
      Filesystems filesystems,
      List<String> configuredServices,
      Supplier<List<HealthCheck.Result>> health) {
    this.root = root;
    this.clock = clock;
    this.processes = processes;
    this.filesystems = filesystems;
    this.services = new Services(root, processes);
    this.configuredServices = List.copyOf(configuredServices);
    this.health = health;
    this.details = new ProcessDetails(processes);
  }

  /** Counters of one kind kept for the next snapshot's rates, and when they were read. */
  private record Counters<T>(long atMillis, T values) {
    double secondsUntil(long now) {
      return Math.max(0.001, (now - atMillis) / 1000.0);
    }
  }

  // Each kind keeps its own time: a request may leave a section out (a push that carries no
  // disks), and the next one that has it must take its rates over the time since it was read.
  private Counters<ProcStat.CpuTimes> lastCpu;
  private Counters<Map<String, DiskStats.Device>> lastDisks;
  private Counters<Map<String, GuestNetworkInterface.Statistics>> lastNets;
  private Counters<Map<Long, Long>> lastTicks;

  /** A snapshot of the requested sections; only their /proc files are read. */
  public synchronized StatusSnapshot snapshot(StatusRequest request) throws IOException {
    long now = clock.millis();
    Set<StatusSection> want = request.sections();
    ProcStat stat = ProcStat.read(root);
    double interval = lastCpu == null ? 0 : lastCpu.secondsUntil(now);
    StatusSnapshot.Cpu cpu = Rates.cpu(stat, lastCpu == null ? null : lastCpu.values());
    lastCpu = new Counters<>(now, stat.total());

    List<DiskIo> disks = List.of();
    if (want.contains(StatusSection.DISKS)) {
      List<DiskStats.Device> read = DiskStats.read(root);
      disks = diskIo(read, lastDisks, now);
      Map<String, DiskStats.Device> byName = new HashMap<>();
      read.forEach(d -> byName.put(d.name(), d));
      lastDisks = new Counters<>(now, byName);
    }
    List<InterfaceTraffic> interfaces = List.of();
    if (want.contains(StatusSection.INTERFACES)) {
      List<NetDev.Counters> read = NetDev.read(root);
      interfaces = traffic(read, lastNets, now);
      Map<String, GuestNetworkInterface.Statistics> byName = new HashMap<>();
      read.forEach(n -> byName.put(n.name(), n.stats()));
      lastNets = new Counters<>(now, byName);
    }
    List<String> wanted = new ArrayList<>(new LinkedHashSet<>(configuredServices));
    request.services().stream().filter(s -> !wanted.contains(s)).forEach(wanted::add);
    boolean servicesWanted = want.contains(StatusSection.SERVICES) && !wanted.isEmpty();
    List<Processes.Stat> procs =
        want.contains(StatusSection.PROCESSES) || servicesWanted ? processes.all() : List.of();
    List<ProcessInfo> top = List.of();
    if (want.contains(StatusSection.PROCESSES)) {
      top = top(procs, lastTicks, now, request.topProcesses());
      Map<Long, Long> ticks = new HashMap<>();
      procs.forEach(p -> ticks.put(p.pid(), p.cpuTicks()));
      lastTicks = new Counters<>(now, ticks);
      details.retain(ticks.keySet());
    }
    return new StatusSnapshot(
        now,
        interval,
        uptime(),
        cpu,
        MemInfo.read(root).toMemory(),
        LoadAvg.read(root),
        disks,
        want.contains(StatusSection.FILESYSTEMS) ? filesystems.usage() : List.of(),
        interfaces,
        top,
        want.contains(StatusSection.SOCKETS) ? ListeningSockets.read(root) : List.of(),
        servicesWanted ? services.states(wanted, procs) : List.of(),
        want.contains(StatusSection.HEALTH) ? health.get() : List.of(),
        want);
  }

  private double uptime() {
    String line = root.firstLine("proc/uptime");
    try {
      if (line == null) {
        return 0;
      }
      int space = line.indexOf(' ');
      return Double.parseDouble(space < 0 ? line : line.substring(0, space));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<DiskIo> diskIo(
      List<DiskStats.Device> disks, Counters<Map<String, DiskStats.Device>> last, long now) {
    Map<String, DiskStats.Device> prev = last == null ? null : last.values();
    double dt = last == null ? 0 : last.secondsUntil(now);
    List<DiskIo> out = new ArrayList<>();
    for (DiskStats.Device d : disks) {
      boolean idle = d.readIos() == 0 && d.writeIos() == 0;
      if (idle && (d.name().startsWith("loop") || d.name().startsWith("ram"))) {
        continue; // unused loop and ram devices are noise
      }
      DiskStats.Device p = prev == null ? null : prev.get(d.name());
      double rd = p == null ? 0 : Rates.perSecond(d.readSectors() - p.readSectors(), dt) * SECTOR;
      double wr = p == null ? 0 : Rates.perSecond(d.writeSectors() - p.writeSectors(), dt) * SECTOR;
      double util =
          p == null ? 0 : Math.min(100, Rates.perSecond(d.ioMillis() - p.ioMillis(), dt) / 10.0);
      out.add(
          new DiskIo(
              d.name(),
              d.readSectors() * SECTOR,
              d.writeSectors() * SECTOR,
              d.readIos(),
              d.writeIos(),
              d.ioMillis(),
              rd,
              wr,
              util));
    }
    return out;
  }

  private static List<InterfaceTraffic> traffic(
      List<NetDev.Counters> nets,
      Counters<Map<String, GuestNetworkInterface.Statistics>> last,
      long now) {
    Map<String, GuestNetworkInterface.Statistics> prev = last == null ? null : last.values();
    double dt = last == null ? 0 : last.secondsUntil(now);
    List<InterfaceTraffic> out = new ArrayList<>();
    for (NetDev.Counters n : nets) {
      GuestNetworkInterface.Statistics s = n.stats();
      GuestNetworkInterface.Statistics p = prev == null ? null : prev.get(n.name());
      out.add(
          new InterfaceTraffic(
              n.name(),
              s.rxBytes(),
              s.txBytes(),
              s.rxPackets(),
              s.txPackets(),
              s.rxErrs(),
              s.txErrs(),
              s.rxDropped(),
              s.txDropped(),
              p == null ? 0 : Rates.perSecond(s.rxBytes() - p.rxBytes(), dt),
              p == null ? 0 : Rates.perSecond(s.txBytes() - p.txBytes(), dt)));
    }
    return out;
  }

  private List<ProcessInfo> top(
      List<Processes.Stat> procs, Counters<Map<Long, Long>> last, long now, int n) {
    Map<Long, Long> prev = last == null ? null : last.values();
    double dt = last == null ? 0 : last.secondsUntil(now);
    record Ranked(Processes.Stat stat, long delta) {}
    List<Ranked> ranked = new ArrayList<>();
    for (Processes.Stat p : procs) {
      Long before = prev == null ? null : prev.get(p.pid());
      ranked.add(new Ranked(p, before == null ? 0 : Math.max(0, p.cpuTicks() - before)));
    }
    ranked.sort(
        Comparator.comparingLong(Ranked::delta)
            .thenComparingLong(r -> r.stat().rssPages())
            .reversed());
    List<ProcessInfo> out = new ArrayList<>();
    for (Ranked r : ranked.subList(0, Math.min(n, ranked.size()))) {
      Processes.Stat s = r.stat();
      ProcessDetails.Entry d = details.of(s, now);
      double cpu = dt == 0 ? 0 : 100.0 * r.delta() / (dt * Processes.TICKS_PER_SECOND);
      out.add(
          new ProcessInfo(
              s.pid(),
              s.ppid(),
              s.comm(),
              s.state(),
              d.uid(),
              s.rssPages() * processes.pageSize(),
              s.cpuTicks(),
              Rates.round(cpu),
              s.threads(),
              d.cmdline()));
    }
    return out;
  }
}
