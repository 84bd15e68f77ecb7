package org.vimana.balancer.strategy.consolidation;

/** MAD: threshold {@code 1 - s * MAD(history)}. */
public final class MedianAbsoluteDeviation extends HistoryThreshold {

  public MedianAbsoluteDeviation(double safety, OverloadDetector fallback) {
    super(safety, fallback);
  }

  @Override
  double spread(double[] history) {
    return Stats.mad(history);
  }

  @Override
  String shortName() {
    return "mad";
  }
}
