package org.vimana.guest.status;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vimana.agent.ext.DiskIo;
import org.vimana.agent.ext.HealthCheck;
import org.vimana.agent.ext.InterfaceTraffic;
import org.vimana.agent.ext.ProcessInfo;
import org.vimana.agent.ext.StatusRequest;
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
  private Sample previous;

  public StatusCollector(
      SystemRoot root,
      Clock clock,
      Filesystems filesystems,
      List<String> configuredServices,
      Supplier<List<HealthCheck.Result>> health) {
    this.root = root;
    this.clock = clock;
    this.processes = new Processes(root);
    this.filesystems = filesystems;
    this.services = new Services(root, processes);
    this.configuredServices = List.copyOf(configuredServices);
    this.health = health;
  }

  /** Counters kept from one snapshot to the next. */
  private record Sample(
      long atMillis,
      ProcStat.CpuTimes cpu,
      Map<String, DiskStats.Device> disks,
      Map<String, GuestNetworkInterface.Statistics> nets,
      Map<Long, Long> procTicks) {}

  public synchronized StatusSnapshot snapshot(StatusRequest request) throws IOException {
    long now = clock.millis();
    ProcStat stat = ProcStat.read(root);
    List<DiskStats.Device> disks = DiskStats.read(root);
    List<NetDev.Counters> nets = NetDev.read(root);
    List<Processes.Stat> procs = processes.all();
    Sample prev = previous;
    double interval = prev == null ? 0 : Math.max(0.001, (now - prev.atMillis()) / 1000.0);

    Map<String, DiskStats.Device> diskMap = new HashMap<>();
    disks.forEach(d -> diskMap.put(d.name(), d));
    Map<String, GuestNetworkInterface.Statistics> netMap = new HashMap<>();
    nets.forEach(n -> netMap.put(n.name(), n.stats()));
    Map<Long, Long> ticks = new HashMap<>();
    procs.forEach(p -> ticks.put(p.pid(), p.cpuTicks()));
    previous = new Sample(now, stat.total(), diskMap, netMap, ticks);

    List<String> wanted = new ArrayList<>(new LinkedHashSet<>(configuredServices));
    request.services().stream().filter(s -> !wanted.contains(s)).forEach(wanted::add);
    return new StatusSnapshot(
        now,
        interval,
        uptime(),
        Rates.cpu(stat, prev == null ? null : prev.cpu()),
        MemInfo.read(root).toMemory(),
        LoadAvg.read(root),
        diskIo(disks, prev, interval),
        filesystems.usage(),
        traffic(nets, prev, interval),
        top(procs, prev, interval, request.topProcesses()),
        ListeningSockets.read(root),
        services.states(wanted),
        health.get());
  }

  private double uptime() {
    String line = root.firstLine("proc/uptime");
    try {
      return line == null ? 0 : Double.parseDouble(line.split("\\s+")[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<DiskIo> diskIo(List<DiskStats.Device> disks, Sample prev, double dt) {
    List<DiskIo> out = new ArrayList<>();
    for (DiskStats.Device d : disks) {
      boolean idle = d.readIos() == 0 && d.writeIos() == 0;
      if (idle && (d.name().startsWith("loop") || d.name().startsWith("ram"))) {
        continue; // unused loop and ram devices are noise
      }
      DiskStats.Device p = prev == null ? null : prev.disks().get(d.name());
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
      List<NetDev.Counters> nets, Sample prev, double dt) {
    List<InterfaceTraffic> out = new ArrayList<>();
    for (NetDev.Counters n : nets) {
      GuestNetworkInterface.Statistics s = n.stats();
      GuestNetworkInterface.Statistics p = prev == null ? null : prev.nets().get(n.name());
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

  private List<ProcessInfo> top(List<Processes.Stat> procs, Sample prev, double dt, int n) {
    record Ranked(Processes.Stat stat, long delta) {}
    List<Ranked> ranked = new ArrayList<>();
    for (Processes.Stat p : procs) {
      Long before = prev == null ? null : prev.procTicks().get(p.pid());
      ranked.add(new Ranked(p, before == null ? 0 : Math.max(0, p.cpuTicks() - before)));
    }
    ranked.sort(
        Comparator.comparingLong(Ranked::delta)
            .thenComparingLong(r -> r.stat().rssPages())
            .reversed());
    List<ProcessInfo> out = new ArrayList<>();
    for (Ranked r : ranked.subList(0, Math.min(n, ranked.size()))) {
      Processes.Stat s = r.stat();
      long[] uidRss = processes.uidAndRss(s.pid());
      double cpu = dt == 0 ? 0 : 100.0 * r.delta() / (dt * Processes.TICKS_PER_SECOND);
      out.add(
          new ProcessInfo(
              s.pid(),
              s.ppid(),
              s.comm(),
              s.state(),
              uidRss[0],
              uidRss[1] >= 0 ? uidRss[1] : s.rssPages() * Processes.PAGE_SIZE,
              s.cpuTicks(),
              Rates.round(cpu),
              s.threads(),
              processes.cmdline(s.pid(), s.comm())));
    }
    return out;
  }
}
