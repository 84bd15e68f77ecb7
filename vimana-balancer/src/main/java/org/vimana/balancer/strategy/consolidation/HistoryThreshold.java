package org.vimana.balancer.strategy.consolidation;

import org.vimana.balancer.state.WorkingState;

/**
 * An adaptive threshold {@code 1 - s * spread(history)} from the host's utilisation history; with
 * fewer than 12 samples the fallback detector decides (as in the paper and CloudSim).
 */
abstract class HistoryThreshold implements OverloadDetector {

  /** Samples needed before the spread is trusted. */
  static final int MIN_SAMPLES = 12;

  private final double safety;
  private final OverloadDetector fallback;

  HistoryThreshold(double safety, OverloadDetector fallback) {
    if (!(safety >= 0)) {
      throw new IllegalArgumentException("safety parameter must be >= 0, got " + safety);
    }
    this.safety = safety;
    this.fallback = fallback;
  }

  /** The spread statistic of the samples (IQR or MAD). */
  abstract double spread(double[] history);

  abstract String shortName();

  @Override
  public String name() {
    return shortName() + ":" + safety;
  }

  @Override
  public boolean overloaded(WorkingState state, int h) {
    return decide(state, h, -1);
  }

  @Override
  public boolean overloadedWith(WorkingState state, int h, int v) {
    return decide(state, h, v);
  }

  private boolean decide(WorkingState state, int h, int extra) {
    double[] history = state.hostHistory(h, extra);
    if (history.length < MIN_SAMPLES) {
      return extra < 0 ? fallback.overloaded(state, h) : fallback.overloadedWith(state, h, extra);
    }
    double threshold = 1 - safety * spread(history);
    double demand = state.demand(h) + (extra < 0 ? 0 : state.vm(extra).cpuDemandMips());
    return demand / state.host(h).cpuCapacityMips() > threshold;
  }
}
