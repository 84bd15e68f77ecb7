package org.vimana.bench.lab;

import java.util.Arrays;
import java.util.List;

/** Medians, the figure these noisy shared machines allow us to quote. */
public final class Median {
  private Median() {}

  public static double of(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
