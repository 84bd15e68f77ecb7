package org.vimana.api.model;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/placement}: where a new VM would go and why.
 *
 * @param best the first candidate's host, null when no host can take the VM
 * @param candidates hosts that can take it, best first
 * @param rejected hosts that cannot, each with the reason
 */
public record PlacementAdvice(
    int vcpus,
    long memoryMib,
    String best,
    List<PlacementCandidate> candidates,
    List<PlacementRejection> rejected) {
  public PlacementAdvice {
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
    rejected = rejected == null ? List.of() : List.copyOf(rejected);
  }
}
