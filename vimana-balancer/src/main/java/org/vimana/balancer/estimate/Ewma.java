package org.vimana.balancer.estimate;

import java.util.Locale;
import org.vimana.balancer.snapshot.DemandHistory;
import org.vimana.balancer.snapshot.VmLoad;

/**
 * Exponentially weighted moving average of the history: sample i (0 the most recent) weighs {@code
 * 2^(-i / halfLife)}, normalised over the samples there are, so a short history is not pulled
 * towards zero. On the PlanetLab traces a half-life of 4 to 6 samples (20 to 30 min) predicts the
 * next hour's mean demand with a fifth to a sixth of the squared error of the last sample
 * (vimana-balancer/README.md).
 *
 * @param halfLifeSamples samples after which a sample's weight has halved (> 0)
 */
public record Ewma(double halfLifeSamples) implements DemandEstimator {

  public Ewma {
    if (!(halfLifeSamples > 0) || Double.isInfinite(halfLifeSamples)) {
      throw new IllegalArgumentException(
          "EWMA half-life must be a positive number of samples, got " + halfLifeSamples);
    }
  }

  @Override
  public double fraction(VmLoad vm) {
    DemandHistory h = vm.history();
    if (h.size() == 0) {
      return vm.demandFraction();
    }
    double decay = Math.pow(0.5, 1 / halfLifeSamples);
    double weight = 1;
    double sum = 0;
    double weights = 0;
    for (int i = 0; i < h.size(); i++) {
      sum += weight * h.get(i);
      weights += weight;
      weight *= decay;
    }
    return sum / weights;
  }

  @Override
  public String name() {
    return String.format(Locale.ROOT, "ewma%s", format(halfLifeSamples));
  }

  static String format(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }
}
