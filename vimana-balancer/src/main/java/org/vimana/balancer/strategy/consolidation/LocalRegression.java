package org.vimana.balancer.strategy.consolidation;

import org.vimana.balancer.cost.MigrationCostModel;
import org.vimana.balancer.state.WorkingState;

/**
 * LR: fits a line through the host's last 10 utilisation samples, extrapolates it over the time the
 * longest migration off the host would take (rounded up to planning intervals), and calls the host
 * overloaded when {@code s * predicted >= 1}. With fewer than 10 samples the fallback decides.
 *
 * <p>The paper weights the samples with a tricube kernel (Loess). CloudSim 4.0's code computes the
 * weights but never applies them (it only does when 40 % of them are zero, which cannot happen), so
 * its figures come from an unweighted fit; this class does the same, to reproduce them. {@link
 * #robust} adds one bisquare re-weighting pass (LRR), which CloudSim also skips.
 */
public final class LocalRegression extends HistoryDetector {

  /** Samples the line is fitted through. */
  public static final int WINDOW = 10;

  private final double safety;
  private final MigrationCostModel costModel;
  private final boolean robust;

  public LocalRegression(
      double safety, OverloadDetector fallback, MigrationCostModel costModel, boolean robust) {
    super(fallback);
    if (!(safety > 0)) {
      throw new IllegalArgumentException("LR safety parameter must be positive, got " + safety);
    }
    this.safety = safety;
    this.costModel = costModel;
    this.robust = robust;
  }

  @Override
  public String name() {
    return (robust ? "lrr:" : "lr:") + safety;
  }

  @Override
  int samplesNeeded() {
    return WINDOW;
  }

  @Override
  Call judge(WorkingState state, int h, int extra, double[] history) {
    double[] x = new double[WINDOW];
    double[] y = new double[WINDOW];
    double[] w = new double[WINDOW];
    for (int i = 0; i < WINDOW; i++) {
      x[i] = i + 1;
      y[i] = history[WINDOW - 1 - i];
      w[i] = 1;
    }
    double[] line = Stats.weightedLine(x, y, w);
    if (line == null) {
      return Call.UNDECIDED;
    }
    if (robust) {
      line = reweighted(x, y, line);
    }
    double intervals =
        Math.ceil(maxMigrationSeconds(state, h, extra) / state.snapshot().intervalSeconds());
    double predicted = (line[0] + line[1] * (WINDOW + intervals)) * safety;
    return Call.of(predicted >= 1);
  }

  private static double[] reweighted(double[] x, double[] y, double[] line) {
    double[] residuals = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      residuals[i] = Math.abs(y[i] - (line[0] + line[1] * x[i]));
    }
    double scale = 6 * Stats.median(residuals);
    if (scale == 0) {
      return line;
    }
    double[] w = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double r = residuals[i] / scale;
      w[i] = r < 1 ? (1 - r * r) * (1 - r * r) : 0;
    }
    double[] refit = Stats.weightedLine(x, y, w);
    return refit == null ? line : refit;
  }

  private double maxMigrationSeconds(WorkingState state, int h, int extra) {
    var host = state.host(h);
    double max = 0;
    for (int v : state.vmsOn(h)) {
      max = Math.max(max, costModel.estimate(state.vm(v), host, host).seconds());
    }
    if (extra >= 0) {
      max = Math.max(max, costModel.estimate(state.vm(extra), host, host).seconds());
    }
    return max;
  }
}
