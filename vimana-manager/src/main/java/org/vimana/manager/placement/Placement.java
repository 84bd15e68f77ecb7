package org.vimana.manager.placement;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Least-loaded placement: among the hosts where the VM fits (memory is never overcommitted; vCPUs
 * up to {@code vcpuRatio} per core), the one whose memory would be least allocated after placing
 * it, then the least vCPU-allocated, then by name. Least-loaded spreads VMs, which keeps headroom
 * for bursts on every host and suits a cluster that a balancer later evens out; best-fit would pack
 * hosts tight and leave no room for load to grow.
 */
public final class Placement {
  private final double vcpuRatio;

  public Placement(double vcpuRatio) {
    if (!(vcpuRatio >= 1.0)) {
      throw new IllegalArgumentException("vcpuRatio must be at least 1, got " + vcpuRatio);
    }
    this.vcpuRatio = vcpuRatio;
  }

  /** Whether a VM of this size fits on {@code c}. */
  public boolean fits(Candidate c, int vcpus, long memoryMib) {
    return c.allocatedMib() + memoryMib <= c.capacity().memoryMib()
        && c.allocatedVcpus() + vcpus <= c.capacity().cpuCores() * vcpuRatio;
  }

  /** The chosen host, or empty when the VM fits nowhere. */
  public Optional<Candidate> choose(List<Candidate> hosts, int vcpus, long memoryMib) {
    return hosts.stream()
        .filter(c -> fits(c, vcpus, memoryMib))
        .min(
            Comparator.comparingDouble(
                    (Candidate c) ->
                        (double) (c.allocatedMib() + memoryMib) / c.capacity().memoryMib())
                .thenComparingDouble(
                    c -> (double) (c.allocatedVcpus() + vcpus) / c.capacity().cpuCores())
                .thenComparing(Candidate::hostName));
  }
}
