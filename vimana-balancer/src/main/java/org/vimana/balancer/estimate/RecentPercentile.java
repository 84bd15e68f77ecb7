package org.vimana.balancer.estimate;

import java.util.Arrays;
import org.vimana.balancer.snapshot.DemandHistory;
import org.vimana.balancer.snapshot.VmLoad;

/**
 * A percentile of the most recent samples (linear interpolation between order statistics): above
 * the median it plans for a VM's busier moments, as a capacity planner sizes for a peak.
 *
 * @param percentile 0 to 100
 * @param window samples looked at, the most recent ones (>= 1)
 */
public record RecentPercentile(double percentile, int window) implements DemandEstimator {

  /** Samples a percentile estimate looks at by default: an hour at 5-minute samples. */
  public static final int WINDOW = 12;

  public RecentPercentile {
    if (!(percentile >= 0 && percentile <= 100) || window < 1) {
      throw new IllegalArgumentException(
          "percentile must be within 0..100 and window >= 1, got p"
              + percentile
              + " over "
              + window);
    }
  }

  @Override
  public double fraction(VmLoad vm) {
    DemandHistory h = vm.history();
    int n = Math.min(window, h.size());
    if (n == 0) {
      return vm.demandFraction();
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = h.get(i);
    }
    Arrays.sort(x);
    double rank = percentile / 100 * (n - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(n - 1, lo + 1);
    return x[lo] + (rank - lo) * (x[hi] - x[lo]);
  }

  @Override
  public String name() {
    return "p" + Ewma.format(percentile);
  }
}
