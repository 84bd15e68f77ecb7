package org.vimana.balancer.strategy;

import java.util.Locale;
import org.vimana.balancer.cost.AntiThrashing;
import org.vimana.balancer.cost.MigrationCostModel;
import org.vimana.balancer.estimate.DemandEstimator;
import org.vimana.balancer.strategy.consolidation.Consolidation;
import org.vimana.balancer.strategy.consolidation.InterQuartileRange;
import org.vimana.balancer.strategy.consolidation.LocalRegression;
import org.vimana.balancer.strategy.consolidation.MaximumCorrelation;
import org.vimana.balancer.strategy.consolidation.MedianAbsoluteDeviation;
import org.vimana.balancer.strategy.consolidation.MinimumMigrationTime;
import org.vimana.balancer.strategy.consolidation.MinimumUtilisation;
import org.vimana.balancer.strategy.consolidation.OverloadDetector;
import org.vimana.balancer.strategy.consolidation.RandomSelection;
import org.vimana.balancer.strategy.consolidation.StaticThreshold;
import org.vimana.balancer.strategy.consolidation.VmSelector;

/**
 * Builds a strategy from a short spec:
 *
 * <ul>
 *   <li>{@code DETECTOR-SELECTOR:PARAM} for consolidation, detector one of {@code thr iqr mad lr
 *       lrr}, selector one of {@code mmt mc mu rs}: {@code thr-mmt:0.8}, {@code iqr-mc:1.5}, {@code
 *       lr-mmt:1.2}, {@code mad-mmt:2.5} (adaptive detectors fall back to THR 0.7 until they have
 *       enough history, as in the paper);
 *   <li>{@code equalize:LEVEL[:ESTIMATOR]} (level 1..5, default 3; estimator of VM demand {@code
 *       ewma4} by default, or {@code last}, {@code ewmaH}, {@code pP}: see {@link
 *       DemandEstimator#parse});
 *   <li>{@code threshold:FRACTION} (default 0.8).
 * </ul>
 */
public final class Strategies {

  /** Everything a strategy needs besides its spec. */
  public record Settings(
      MigrationCostModel costModel,
      AntiThrashing antiThrashing,
      double hotThreshold,
      double costPerSecond,
      int maxMovesPerPlan,
      long seed,
      boolean chainMoves) {}

  private Strategies() {}

  /**
   * @throws IllegalArgumentException naming the part of the spec that is wrong
   */
  public static Strategy create(String spec, Settings settings) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    String base = s;
    String param = null;
    int colon = s.indexOf(':');
    if (colon >= 0) {
      base = s.substring(0, colon);
      param = s.substring(colon + 1);
    }
    switch (base) {
      case "equalize":
        return equalize(spec, param, settings);
      case "threshold":
        return new ThresholdStrategy(
            param == null ? 0.8 : number(spec, param),
            settings.costModel(),
            settings.antiThrashing());
      default:
        return consolidation(spec, base, param, settings);
    }
  }

  /** {@code equalize[:LEVEL[:ESTIMATOR]]}. */
  private static Strategy equalize(String spec, String param, Settings settings) {
    String level = param;
    DemandEstimator estimator = Equalize.DEFAULT_ESTIMATOR;
    if (param != null && param.indexOf(':') >= 0) {
      level = param.substring(0, param.indexOf(':'));
      estimator = DemandEstimator.parse(param.substring(param.indexOf(':') + 1));
    }
    return new Equalize(
        level == null || level.isEmpty() ? 3 : (int) number(spec, level),
        settings.hotThreshold(),
        settings.costModel(),
        settings.antiThrashing(),
        settings.costPerSecond(),
        settings.maxMovesPerPlan(),
        estimator);
  }

  private static Strategy consolidation(String spec, String base, String param, Settings settings) {
    int dash = base.indexOf('-');
    if (dash < 0) {
      throw new IllegalArgumentException(
          "unknown strategy '"
              + spec
              + "': expected equalize, threshold or DETECTOR-SELECTOR"
              + " (e.g. thr-mmt:0.8)");
    }
    String detectorName = base.substring(0, dash);
    String selectorName = base.substring(dash + 1);
    MigrationCostModel cost = settings.costModel();
    OverloadDetector fallback = new StaticThreshold(0.7);
    OverloadDetector detector =
        switch (detectorName) {
          case "thr" -> new StaticThreshold(param == null ? 0.8 : number(spec, param));
          case "iqr" -> new InterQuartileRange(param == null ? 1.5 : number(spec, param), fallback);
          case "mad" ->
              new MedianAbsoluteDeviation(param == null ? 2.5 : number(spec, param), fallback);
          case "lr" ->
              new LocalRegression(param == null ? 1.2 : number(spec, param), fallback, cost, false);
          case "lrr" ->
              new LocalRegression(param == null ? 1.2 : number(spec, param), fallback, cost, true);
          default ->
              throw new IllegalArgumentException(
                  "unknown overload detector '"
                      + detectorName
                      + "' in '"
                      + spec
                      + "': expected thr, iqr, mad, lr or lrr");
        };
    VmSelector selector =
        switch (selectorName) {
          case "mmt" -> new MinimumMigrationTime(cost);
          case "mc" -> new MaximumCorrelation(new MinimumMigrationTime(cost));
          case "mu" -> new MinimumUtilisation();
          case "rs" -> new RandomSelection();
          default ->
              throw new IllegalArgumentException(
                  "unknown VM selection '"
                      + selectorName
                      + "' in '"
                      + spec
                      + "': expected mmt, mc, mu or rs");
        };
    String name = detectorName + "-" + selectorName + (param == null ? "" : ":" + param);
    return new Consolidation(
        name,
        detector,
        selector,
        cost,
        settings.antiThrashing(),
        settings.seed(),
        settings.chainMoves());
  }

  private static double number(String spec, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "strategy '" + spec + "': parameter '" + text + "' is not a number", e);
    }
  }
}
