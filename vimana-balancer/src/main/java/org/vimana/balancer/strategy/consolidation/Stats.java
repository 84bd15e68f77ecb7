package org.vimana.balancer.strategy.consolidation;

import java.util.Arrays;

/** The statistics the detectors and selectors need, written out (no math library). */
final class Stats {

  private Stats() {}

  /** Median; the mean of the middle two for an even count. */
  static double median(double[] data) {
    double[] sorted = data.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    if (n == 0) {
      return 0;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Median absolute deviation from the median. */
  static double mad(double[] data) {
    if (data.length == 0) {
      return 0;
    }
    double median = median(data);
    double[] deviations = new double[data.length];
    for (int i = 0; i < data.length; i++) {
      deviations[i] = Math.abs(median - data[i]);
    }
    return median(deviations);
  }

  /**
   * Interquartile range with the quartile positions CloudSim uses: the sorted values at {@code
   * round(0.25 (n + 1))} and {@code round(0.75 (n + 1))} (1-based).
   */
  static double iqr(double[] data) {
    double[] sorted = data.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    int q1 = (int) Math.round(0.25 * (n + 1)) - 1;
    int q3 = (int) Math.round(0.75 * (n + 1)) - 1;
    return sorted[Math.min(q3, n - 1)] - sorted[Math.max(q1, 0)];
  }

  /**
   * Least-squares line through {@code (x_i, y_i)} with weights; returns {intercept, slope}, or null
   * when x has no spread.
   */
  static double[] weightedLine(double[] x, double[] y, double[] w) {
    double sw = 0;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < x.length; i++) {
      sw += w[i];
      sx += w[i] * x[i];
      sy += w[i] * y[i];
    }
    if (!(sw > 0)) {
      return null;
    }
    double mx = sx / sw;
    double my = sy / sw;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      sxx += w[i] * (x[i] - mx) * (x[i] - mx);
      sxy += w[i] * (x[i] - mx) * (y[i] - my);
    }
    if (!(sxx > 0)) {
      return null;
    }
    double slope = sxy / sxx;
    return new double[] {my - slope * mx, slope};
  }

  /**
   * R-squared of the least-squares regression (with intercept) of {@code y} on the columns of
   * {@code x} ({@code x[j]} is regressor j over the m observations). Throws {@link
   * IllegalArgumentException} when there are not more observations than regressors or the design is
   * singular, as the math library CloudSim uses does.
   */
  static double rSquared(double[][] x, double[] y) {
    int m = y.length;
    int k = x.length;
    if (k == 0 || m <= k) {
      throw new IllegalArgumentException("not enough observations for " + k + " regressors");
    }
    int p = k + 1;
    // Column-major (a[j] is column j over the m observations): the QR walks down columns.
    double[][] a = new double[p + 1][];
    a[0] = new double[m];
    Arrays.fill(a[0], 1);
    for (int j = 0; j < k; j++) {
      a[j + 1] = Arrays.copyOf(x[j], m);
    }
    a[p] = y.clone();
    householder(a, m, p);
    double residual = 0;
    for (int i = p; i < m; i++) {
      residual += a[p][i] * a[p][i];
    }
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= m;
    double total = 0;
    for (double v : y) {
      total += (v - mean) * (v - mean);
    }
    return 1 - residual / total;
  }

  /**
   * In-place Householder QR of the first p columns of the column-major {@code a}, applied to column
   * p (y) as well.
   */
  private static void householder(double[][] a, int m, int p) {
    double[] v = new double[m];
    for (int c = 0; c < p; c++) {
      double[] column = a[c];
      double norm = 0;
      for (int i = c; i < m; i++) {
        norm += column[i] * column[i];
      }
      norm = Math.sqrt(norm);
      if (norm == 0) {
        throw new IllegalArgumentException("singular design matrix");
      }
      double alpha = column[c] > 0 ? -norm : norm;
      System.arraycopy(column, c, v, c, m - c);
      v[c] -= alpha;
      double vv = 0;
      for (int i = c; i < m; i++) {
        vv += v[i] * v[i];
      }
      if (vv == 0) {
        continue;
      }
      for (int j = c; j <= p; j++) {
        double[] target = a[j];
        double dot = 0;
        for (int i = c; i < m; i++) {
          dot += v[i] * target[i];
        }
        double f = 2 * dot / vv;
        for (int i = c; i < m; i++) {
          target[i] -= f * v[i];
        }
      }
    }
  }

  /**
   * For each series, the R-squared of its least-squares regression (with intercept) on all the
   * others ({@code series[i]} is series i over m observations, all of the same length). With S the
   * covariance matrix of the series, that is {@code 1 - 1 / (S_ii (S^-1)_ii)}: one inversion
   * instead of a regression per series. Throws {@link IllegalArgumentException} when there are not
   * more observations than regressors, or when the matrix is singular or nearly so (a constant
   * series, one a combination of the others, an exact fit): there {@link #rSquared} per series
   * decides, as CloudSim's regressions do.
   */
  static double[] rSquaredEach(double[][] series) {
    int n = series.length;
    int m = n == 0 ? 0 : series[0].length;
    if (n < 2 || m <= n - 1) {
      throw new IllegalArgumentException("not enough observations for " + (n - 1) + " regressors");
    }
    double[][] centred = new double[n][m];
    for (int i = 0; i < n; i++) {
      double mean = 0;
      for (double v : series[i]) {
        mean += v;
      }
      mean /= m;
      for (int t = 0; t < m; t++) {
        centred[i][t] = series[i][t] - mean;
      }
    }
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double dot = 0;
        for (int t = 0; t < m; t++) {
          dot += centred[i][t] * centred[j][t];
        }
        s[i][j] = dot;
        s[j][i] = dot;
      }
    }
    double[] diagonal = new double[n];
    for (int i = 0; i < n; i++) {
      diagonal[i] = s[i][i];
    }
    double[][] inverse = invert(s);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = 1 - 1 / (diagonal[i] * inverse[i][i]);
    }
    return out;
  }

  /**
   * Gauss-Jordan inversion with partial pivoting, in place; throws when a pivot is below 1e-9 of
   * the largest diagonal entry.
   */
  private static double[][] invert(double[][] a) {
    int n = a.length;
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      inv[i][i] = 1;
    }
    double scale = 0;
    for (int i = 0; i < n; i++) {
      scale = Math.max(scale, Math.abs(a[i][i]));
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      // Relative to the largest variance: near-singular matrices go to the QR route, whose results
      // the inverse would not reproduce to the last digit.
      if (!(Math.abs(a[pivot][c]) > 1e-9 * scale)) {
        throw new IllegalArgumentException("singular covariance matrix");
      }
      double[] row = a[pivot];
      a[pivot] = a[c];
      a[c] = row;
      row = inv[pivot];
      inv[pivot] = inv[c];
      inv[c] = row;
      double p = a[c][c];
      for (int j = 0; j < n; j++) {
        a[c][j] /= p;
        inv[c][j] /= p;
      }
      for (int r = 0; r < n; r++) {
        if (r != c && a[r][c] != 0) {
          double f = a[r][c];
          for (int j = 0; j < n; j++) {
            a[r][j] -= f * a[c][j];
            inv[r][j] -= f * inv[c][j];
          }
        }
      }
    }
    return inv;
  }
}
