package org.vimana.manager.balance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.vimana.balancer.snapshot.DemandHistory;
import org.vimana.core.stats.HostStats;
import org.vimana.core.stats.VmStats;
import org.vimana.manager.node.HostLive;

/**
 * A bounded in-memory history of every VM's CPU and memory use, from the samples the nodes report
 * (one per host every few seconds). Each VM keeps its last {@code capacity} samples in a ring; a VM
 * no host has reported for {@code retention} is forgotten. Samples are keyed by VM id, so a VM's
 * history follows it across migrations. Nothing is stored: after a manager restart the history
 * fills again within a few sampling intervals.
 */
public final class DemandRecorder {
  private final Clock clock;
  private final int capacity;
  private final Duration retention;
  private final Map<String, Series> byVm = new HashMap<>();
  private final Map<String, Instant> lastSampleOfHost = new HashMap<>();

  /** One VM's ring of samples. */
  private static final class Series {
    final double[] cpu;
    final long[] memoryMib;
    int next;
    int size;
    Instant lastAt;

    Series(int capacity) {
      cpu = new double[capacity];
      memoryMib = new long[capacity];
    }

    void add(double cpuFraction, long memory, Instant at) {
      cpu[next] = cpuFraction;
      memoryMib[next] = memory;
      next = (next + 1) % cpu.length;
      size = Math.min(size + 1, cpu.length);
      lastAt = at;
    }

    /** Sample {@code i}, 0 the most recent. */
    int index(int i) {
      return Math.floorMod(next - 1 - i, cpu.length);
    }
  }

  /**
   * @param capacity samples kept per VM (the detectors of {@code vimana-balancer} use up to 30)
   * @param retention how long a VM that no host reports is remembered
   */
  public DemandRecorder(Clock clock, int capacity, Duration retention) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.clock = clock;
    this.capacity = capacity;
    this.retention = retention;
  }

  /** Takes every host's latest sample that has not been taken yet, and forgets silent VMs. */
  public synchronized void sample(Map<String, HostLive> hosts) {
    for (HostLive h : hosts.values()) {
      if (h.stats() != null) {
        record(h.hostId(), h.stats());
      }
    }
    Instant cutoff = clock.instant().minus(retention);
    byVm.values().removeIf(s -> s.lastAt.isBefore(cutoff));
  }

  /** Appends one host sample, unless it is not newer than the last one taken from that host. */
  public synchronized void record(String hostId, HostStats stats) {
    Instant last = lastSampleOfHost.get(hostId);
    if (last != null && !stats.at().isAfter(last)) {
      return;
    }
    lastSampleOfHost.put(hostId, stats.at());
    Instant now = clock.instant();
    for (VmStats v : stats.vms()) {
      double cpu = Math.max(0, v.cpuPercent()) / 100.0;
      byVm.computeIfAbsent(v.vmId(), id -> new Series(capacity)).add(cpu, v.memoryUsedMib(), now);
    }
  }

  /** CPU use as fractions of the VM's vCPUs, most recent first; empty for an unknown VM. */
  public synchronized DemandHistory cpu(String vmId) {
    Series s = byVm.get(vmId);
    if (s == null || s.size == 0) {
      return DemandHistory.empty();
    }
    double[] out = new double[s.size];
    for (int i = 0; i < s.size; i++) {
      out[i] = s.cpu[s.index(i)];
    }
    return DemandHistory.of(out);
  }

  /** The memory the guest used at the last sample. */
  public synchronized OptionalLong memoryUsedMib(String vmId) {
    Series s = byVm.get(vmId);
    return s == null || s.size == 0
        ? OptionalLong.empty()
        : OptionalLong.of(s.memoryMib[s.index(0)]);
  }

  /** VMs with a history. */
  public synchronized int size() {
    return byVm.size();
  }
}
