package org.vimana.balancer.placement;

import java.util.List;

/**
 * A host that can take the VM.
 *
 * @param hostId the host
 * @param score lower is better (the ranking key)
 * @param cpuAfter projected CPU load with the VM, fraction of capacity
 * @param memoryAfter projected reserved memory with the VM, fraction of capacity
 * @param powerIncreaseWatts how much more the host would draw
 * @param reasons the figures behind the score, in words
 */
public record Candidate(
    String hostId,
    double score,
    double cpuAfter,
    double memoryAfter,
    double powerIncreaseWatts,
    List<String> reasons) {

  public Candidate {
    reasons = List.copyOf(reasons);
  }
}
