package org.vimana.balancer.strategy.consolidation;

/** IQR: threshold {@code 1 - s * IQR(history)}. */
public final class InterQuartileRange extends HistoryThreshold {

  public InterQuartileRange(double safety, OverloadDetector fallback) {
    super(safety, fallback);
  }

  @Override
  double spread(double[] history) {
    return Stats.iqr(history);
  }

  @Override
  String shortName() {
    return "iqr";
  }
}
