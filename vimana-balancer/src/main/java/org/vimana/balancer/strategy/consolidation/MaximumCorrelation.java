package org.vimana.balancer.strategy.consolidation;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntPredicate;
import org.vimana.balancer.state.WorkingState;

/**
 * MC: the VM whose demand history is best explained by the others' on the host (highest R² of a
 * multiple linear regression on them), as its load peaks together with theirs. When the regression
 * cannot be made (one VM, too short a history, a singular design) the fallback selector decides, as
 * in CloudSim.
 */
public final class MaximumCorrelation implements VmSelector {

  private final VmSelector fallback;

  public MaximumCorrelation(VmSelector fallback) {
    this.fallback = fallback;
  }

  @Override
  public String name() {
    return "mc";
  }

  @Override
  public int select(WorkingState state, int h, IntPredicate movable, Random random) {
    int[] candidates = Arrays.stream(state.vmsOn(h)).filter(movable).toArray();
    if (candidates.length == 0) {
      return -1;
    }
    double[] r2;
    try {
      r2 = correlations(state, candidates);
    } catch (IllegalArgumentException e) {
      return fallback.select(state, h, movable, random);
    }
    int best = 0;
    double max = Double.MIN_VALUE;
    for (int i = 0; i < r2.length; i++) {
      if (r2[i] > max) {
        max = r2[i];
        best = i;
      }
    }
    return candidates[best];
  }

  private static double[] correlations(WorkingState state, int[] vms) {
    int n = vms.length;
    int m = Integer.MAX_VALUE;
    for (int v : vms) {
      m = Math.min(m, state.vm(v).history().size());
    }
    if (n < 2) {
      throw new IllegalArgumentException("one VM: nothing to correlate with");
    }
    double[][] series = new double[n][m];
    for (int i = 0; i < n; i++) {
      var history = state.vm(vms[i]).history();
      for (int j = 0; j < m; j++) {
        series[i][j] = history.get(j);
      }
    }
    try {
      return Stats.rSquaredEach(series);
    } catch (IllegalArgumentException nearlySingular) {
      return oneByOne(series);
    }
  }

  /** A regression per VM: slower, but exact where the covariance matrix is (nearly) singular. */
  private static double[] oneByOne(double[][] series) {
    int n = series.length;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double[][] others = new double[n - 1][];
      int k = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          others[k++] = series[j];
        }
      }
      out[i] = Stats.rSquared(others, series[i]);
    }
    return out;
  }
}
