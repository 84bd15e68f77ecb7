package org.vimana.api.model;

import java.util.List;

/**
 * A host that can take a new VM.
 *
 * @param rank 1 for the best
 * @param score the ranking key, lower is better
 * @param cpuAfterPercent projected CPU load with the VM (assumed fully busy)
 * @param memoryAfterPercent projected reserved memory with the VM
 * @param powerIncreaseWatts estimated extra power draw
 * @param reasons the figures behind the score, in words
 */
public record PlacementCandidate(
    String host,
    int rank,
    double score,
    double cpuAfterPercent,
    double memoryAfterPercent,
    double powerIncreaseWatts,
    List<String> reasons) {
  public PlacementCandidate {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
