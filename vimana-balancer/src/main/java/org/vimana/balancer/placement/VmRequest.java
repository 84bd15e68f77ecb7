package org.vimana.balancer.placement;

import java.util.Objects;
import java.util.Set;

/**
 * A VM to be placed.
 *
 * @param vcpus virtual CPUs
 * @param memoryMib memory to reserve
 * @param expectedCpuShare expected CPU use as a fraction of its vCPUs (1.0 = all cores busy, the
 *     safe assumption for an unknown guest)
 * @param antiAffinityWith VMs it must not share a host with
 */
public record VmRequest(
    int vcpus, long memoryMib, double expectedCpuShare, Set<String> antiAffinityWith) {

  public VmRequest {
    if (vcpus < 1) {
      throw new IllegalArgumentException("vcpus must be >= 1, got " + vcpus);
    }
    if (memoryMib < 1) {
      throw new IllegalArgumentException("memory must be >= 1 MiB, got " + memoryMib);
    }
    if (!(expectedCpuShare >= 0 && expectedCpuShare <= 1)) {
      throw new IllegalArgumentException("expectedCpuShare must be within 0..1");
    }
    antiAffinityWith = Set.copyOf(Objects.requireNonNull(antiAffinityWith, "antiAffinityWith"));
  }

  /** A VM of {@code vcpus} and {@code memoryMib}, assumed fully busy, no rules. */
  public static VmRequest of(int vcpus, long memoryMib) {
    return new VmRequest(vcpus, memoryMib, 1.0, Set.of());
  }
}
