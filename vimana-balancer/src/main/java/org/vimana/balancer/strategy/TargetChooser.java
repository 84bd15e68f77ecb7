package org.vimana.balancer.strategy;

/**
 * How a strategy judges a host as the target of a VM (or of an affinity group moving together):
 * whether the move keeps the target below the strategy's load limit (no new hot spot), and a score,
 * lower is better.
 */
public interface TargetChooser {

  /** Whether {@code group} may go to {@code host} without making it a hot spot. */
  boolean acceptable(int[] group, int host);

  /** Lower is better. */
  double score(int[] group, int host);
}
