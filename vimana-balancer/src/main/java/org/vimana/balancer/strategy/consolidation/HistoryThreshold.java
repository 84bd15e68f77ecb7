package org.vimana.balancer.strategy.consolidation;

import org.vimana.balancer.state.WorkingState;

/**
 * An adaptive threshold {@code 1 - s * spread(history)} from the host's utilisation history; with
 * fewer than 12 samples the fallback detector decides (as in the paper and CloudSim).
 */
abstract class HistoryThreshold extends HistoryDetector {

  /** Samples needed before the spread is trusted. */
  static final int MIN_SAMPLES = 12;

  private final double safety;

  HistoryThreshold(double safety, OverloadDetector fallback) {
    super(fallback);
    if (!(safety >= 0)) {
      throw new IllegalArgumentException("safety parameter must be >= 0, got " + safety);
    }
    this.safety = safety;
  }

  /** The spread statistic of the samples (IQR or MAD). */
  abstract double spread(double[] history);

  abstract String shortName();

  @Override
  public String name() {
    return shortName() + ":" + safety;
  }

  @Override
  int samplesNeeded() {
    return MIN_SAMPLES;
  }

  @Override
  Call judge(WorkingState state, int h, int extra, double[] history) {
    double threshold = 1 - safety * spread(history);
    double demand = state.demand(h) + (extra < 0 ? 0 : state.vm(extra).cpuDemandMips());
    return Call.of(demand / state.host(h).cpuCapacityMips() > threshold);
  }
}
