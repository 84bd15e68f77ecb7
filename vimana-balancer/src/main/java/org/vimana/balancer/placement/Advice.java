package org.vimana.balancer.placement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to "where would this VM go": candidates best first, and the hosts ruled out.
 *
 * @param ranked hosts that can take it, best first
 * @param rejected host id to the reason it cannot take it
 */
public record Advice(List<Candidate> ranked, Map<String, String> rejected) {

  public Advice {
    ranked = List.copyOf(ranked);
    rejected = Map.copyOf(rejected);
  }

  public Optional<Candidate> best() {
    return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
  }
}
