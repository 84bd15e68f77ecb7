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
 *
 * <p>CPU and network come with every sample; memory and disk counters, which cost QEMU monitor
 * round trips, only with every {@link #DETAIL_EVERY}th (see {@link #detailDue()}): in between, each
 * VM carries its last detailed figures.
 */
public final class StatsSampler {
  /** One sample in this many asks for memory and disk (every 30 s at the 5 s stats interval). */
  public static final int DETAIL_EVERY = 6;

  private final Clock clock;
  private final Map<String, Double> lastCpuNanos = new HashMap<>();
  private final Map<String, Detail> lastDetail = new HashMap<>();
  private int samplesSinceDetail = DETAIL_EVERY;
  private boolean detailMissing;
  private long lastSampleNanos;
  private long lastHostBusy;
  private long lastHostTotal;

  /** A VM's memory and cumulative disk bytes from its last detailed sample. */
  private record Detail(double memoryKib, double readBytes, double writeBytes) {}

  public StatsSampler(Clock clock) {
    this.clock = clock;
  }

  /**
   * Whether the next bulk call should include memory and disk: every {@link #DETAIL_EVERY}th
   * sample, and the one after a sample that showed a VM without detailed figures yet (a new VM).
   */
  public synchronized boolean detailDue() {
    return detailMissing || samplesSinceDetail >= DETAIL_EVERY - 1;
  }

  /**
   * Computes one host sample.
   *
   * @param monotonicNanos a monotonic timestamp of the sample (System.nanoTime())
   * @param domains the bulk call's records
   * @param detailed whether the call asked for memory and disk (see {@link #detailDue()})
   * @param nodeCpu the host's cumulative CPU times (kernel, user, idle, iowait), empty if unknown
   * @param memoryUsedMib memory in use on the host
   */
  public synchronized HostStats sample(
      long monotonicNanos,
      List<StatsConnect.DomainRecord> domains,
      boolean detailed,
      Map<String, Long> nodeCpu,
      long memoryUsedMib) {
    Instant at = clock.instant();
    double wall = lastSampleNanos == 0 ? 0 : monotonicNanos - lastSampleNanos;
    Map<String, Double> nextCpu = new HashMap<>();
    Map<String, Detail> nextDetail = new HashMap<>();
    boolean missing = false;
    List<VmStats> vms = new ArrayList<>();
    for (StatsConnect.DomainRecord d : domains) {
      Map<String, Double> v = d.values();
      double cpuTime = v.getOrDefault("cpu.time", 0.0);
      nextCpu.put(d.uuid(), cpuTime);
      Double before = lastCpuNanos.get(d.uuid());
      double vcpus = Math.max(1, v.getOrDefault("vcpu.current", 1.0));
      double pct = before == null || wall <= 0 ? 0 : (cpuTime - before) / (wall * vcpus) * 100;
      Detail detail = detailed ? detail(v) : lastDetail.get(d.uuid());
      if (detail == null) {
        missing = true;
        detail = new Detail(0, 0, 0);
      }
      nextDetail.put(d.uuid(), detail);
      vms.add(
          new VmStats(
              d.uuid(),
              clampPercent(pct),
              (long) (detail.memoryKib() / 1024),
              (long) sum(v, "net", "rx.bytes"),
              (long) sum(v, "net", "tx.bytes"),
              (long) detail.readBytes(),
              (long) detail.writeBytes()));
    }
    lastCpuNanos.clear();
    lastCpuNanos.putAll(nextCpu);
    lastDetail.clear();
    lastDetail.putAll(nextDetail);
    detailMissing = missing;
    samplesSinceDetail = detailed ? 0 : samplesSinceDetail + 1;
    lastSampleNanos = monotonicNanos;
    return new HostStats(at, hostCpu(nodeCpu), memoryUsedMib, vms);
  }

  private static Detail detail(Map<String, Double> v) {
    return new Detail(
        v.getOrDefault("balloon.rss", v.getOrDefault("balloon.current", 0.0)),
        sum(v, "block", "rd.bytes"),
        sum(v, "block", "wr.bytes"));
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
