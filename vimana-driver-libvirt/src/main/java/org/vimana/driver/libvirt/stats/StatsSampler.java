package org.vimana.driver.libvirt.stats;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vimana.core.stats.HostStats;
import org.vimana.core.stats.VmStats;

/**
 * Turns successive raw samples (cumulative CPU times) into percentages. CPU % is the CPU time used
 * between two samples over the wall time between them (times the VM's vCPUs); the first sample of a
 * VM reports 0 %, the first host sample the average since the host booted. Thread-safe.
 */
public final class StatsSampler {
  private final Clock clock;
  private final Map<String, Double> lastCpuNanos = new HashMap<>();
  private long lastSampleNanos;
  private long lastHostBusy;
  private long lastHostTotal;

  public StatsSampler(Clock clock) {
    this.clock = clock;
  }

  /**
   * Computes one host sample.
   *
   * @param monotonicNanos a monotonic timestamp of the sample (System.nanoTime())
   * @param domains the bulk call's records
   * @param nodeCpu the host's cumulative CPU times (kernel, user, idle, iowait), empty if unknown
   * @param memoryUsedMib memory in use on the host
   */
  public synchronized HostStats sample(
      long monotonicNanos,
      List<StatsConnect.DomainRecord> domains,
      Map<String, Long> nodeCpu,
      long memoryUsedMib) {
    Instant at = clock.instant();
    double wall = lastSampleNanos == 0 ? 0 : monotonicNanos - lastSampleNanos;
    Map<String, Double> nextCpu = new HashMap<>();
    List<VmStats> vms = new ArrayList<>();
    for (StatsConnect.DomainRecord d : domains) {
      Map<String, Double> v = d.values();
      double cpuTime = v.getOrDefault("cpu.time", 0.0);
      nextCpu.put(d.uuid(), cpuTime);
      Double before = lastCpuNanos.get(d.uuid());
      double vcpus = Math.max(1, v.getOrDefault("vcpu.current", 1.0));
      double pct = before == null || wall <= 0 ? 0 : (cpuTime - before) / (wall * vcpus) * 100;
      double memKib = v.getOrDefault("balloon.rss", v.getOrDefault("balloon.current", 0.0));
      vms.add(
          new VmStats(
              d.uuid(),
              clampPercent(pct),
              (long) (memKib / 1024),
              (long) sum(v, "net", "rx.bytes"),
              (long) sum(v, "net", "tx.bytes"),
              (long) sum(v, "block", "rd.bytes"),
              (long) sum(v, "block", "wr.bytes")));
    }
    lastCpuNanos.clear();
    lastCpuNanos.putAll(nextCpu);
    lastSampleNanos = monotonicNanos;
    return new HostStats(at, hostCpu(nodeCpu), memoryUsedMib, vms);
  }

  private double hostCpu(Map<String, Long> nodeCpu) {
    if (nodeCpu.isEmpty()) {
      return 0;
    }
    long busy = nodeCpu.getOrDefault("kernel", 0L) + nodeCpu.getOrDefault("user", 0L);
    long total = busy + nodeCpu.getOrDefault("idle", 0L) + nodeCpu.getOrDefault("iowait", 0L);
    long dBusy = busy - lastHostBusy;
    long dTotal = total - lastHostTotal;
    lastHostBusy = busy;
    lastHostTotal = total;
    return dTotal <= 0 ? 0 : clampPercent(100.0 * dBusy / dTotal);
  }

  /** Sums {@code <prefix>.<i>.<suffix>} over {@code <prefix>.count} devices. */
  private static double sum(Map<String, Double> v, String prefix, String suffix) {
    int count = v.getOrDefault(prefix + ".count", 0.0).intValue();
    double s = 0;
    for (int i = 0; i < count; i++) {
      s += v.getOrDefault(prefix + "." + i + "." + suffix, 0.0);
    }
    return s;
  }

  private static double clampPercent(double p) {
    return Math.max(0, Math.min(100, p));
  }
}
