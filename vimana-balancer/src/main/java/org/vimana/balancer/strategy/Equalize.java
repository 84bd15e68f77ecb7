package org.vimana.balancer.strategy;

import java.util.Locale;
import java.util.Objects;
import org.vimana.balancer.cost.AntiThrashing;
import org.vimana.balancer.cost.MigrationCostModel;
import org.vimana.balancer.estimate.DemandEstimator;
import org.vimana.balancer.estimate.Ewma;
import org.vimana.balancer.plan.Plan;
import org.vimana.balancer.plan.Reason;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.state.MoveLog;
import org.vimana.balancer.state.MoveRules;
import org.vimana.balancer.state.WorkingState;

/**
 * Minimises imbalance, the standard deviation of normalised CPU load plus that of memory load over
 * the powered-on hosts, by greedy best moves with cost-benefit, as vSphere DRS does. CPU load is
 * each VM's estimated demand from its history (by default an EWMA with a half-life of 4 samples),
 * not its last sample, so moves follow lasting load and not noise. {@link MoveSearch} keeps the
 * best move of every host above the mean, takes the best of all, re-scores after each move, and
 * equalize stops when the best move's net gain falls below the level's minimum or imbalance is
 * within the level's tolerance.
 *
 * <p>Aggressiveness 1 to 5, like DRS's migration threshold: 1 makes only mandatory moves
 * (evacuating hosts in maintenance); 2 to 5 act when imbalance exceeds {@link #TOLERANCE} and take
 * moves worth at least {@link #MIN_GAIN} host-equivalents (or the anti-thrashing minimum, if
 * larger). No move makes its target hotter than the hot threshold (by its demand now or its
 * estimate) or hotter than its source was.
 */
public final class Equalize implements Strategy {

  /** Imbalance tolerated per level (index level - 1). */
  static final double[] TOLERANCE = {Double.POSITIVE_INFINITY, 0.05, 0.02, 0.01, 0.005};

  /** Net gain a move needs per level, in host-equivalents (index level - 1). */
  static final double[] MIN_GAIN = {Double.POSITIVE_INFINITY, 0.1, 0.03, 0.01, 0.003};

  /** The default estimate: EWMA with a half-life of 4 samples (20 minutes at 5-minute samples). */
  public static final DemandEstimator DEFAULT_ESTIMATOR = new Ewma(4);

  private final int level;
  private final double hotThreshold;
  private final MigrationCostModel costModel;
  private final AntiThrashing antiThrashing;
  private final double costPerSecond;
  private final int maxMoves;
  private final DemandEstimator estimator;

  /**
   * @param level aggressiveness 1 (mandatory moves only) to 5 (most aggressive)
   * @param hotThreshold no move may raise its target's CPU load above this (e.g. 0.8)
   * @param costPerSecond gain a move must make per second of migration (cost-benefit)
   * @param maxMoves most moves per plan (DRS caps a pass, too)
   * @param estimator the VM demand balanced ({@link #DEFAULT_ESTIMATOR}, or e.g. {@link
   *     DemandEstimator#LAST})
   */
  public Equalize(
      int level,
      double hotThreshold,
      MigrationCostModel costModel,
      AntiThrashing antiThrashing,
      double costPerSecond,
      int maxMoves,
      DemandEstimator estimator) {
    if (level < 1 || level > 5) {
      throw new IllegalArgumentException("equalize level must be 1..5, got " + level);
    }
    if (!(hotThreshold > 0 && hotThreshold <= 1)) {
      throw new IllegalArgumentException("hot threshold must be within (0, 1]");
    }
    if (!(costPerSecond >= 0) || maxMoves < 0) {
      throw new IllegalArgumentException("costPerSecond and maxMoves must be >= 0");
    }
    this.level = level;
    this.hotThreshold = hotThreshold;
    this.costModel = costModel;
    this.antiThrashing = antiThrashing;
    this.costPerSecond = costPerSecond;
    this.maxMoves = maxMoves;
    this.estimator = Objects.requireNonNull(estimator, "estimator");
  }

  @Override
  public String name() {
    return "equalize:"
        + level
        + (estimator.equals(DEFAULT_ESTIMATOR) ? "" : ":" + estimator.name());
  }

  /** The net gain a move needs at this level with these anti-thrashing settings. */
  double minGain() {
    return Math.max(MIN_GAIN[level - 1], antiThrashing.minGain());
  }

  @Override
  public Plan plan(ClusterSnapshot snapshot) {
    WorkingState state = new WorkingState(snapshot);
    MoveRules rules = new MoveRules(state, antiThrashing);
    MoveLog log = new MoveLog(state);
    double[] estimate = new double[state.vmCount()];
    for (int v = 0; v < estimate.length; v++) {
      estimate[v] = estimator.mips(state.vm(v));
    }
    LoadBalance balance = new LoadBalance(rules, hotThreshold, estimate);
    Evacuation.run(rules, log, balance);
    balance.recompute();
    double tolerance = TOLERANCE[level - 1];
    double hysteresis = antiThrashing.hysteresis();
    if (balance.imbalance() <= tolerance + hysteresis) {
      return log.toPlan(name(), costModel, false);
    }
    double horizon = Math.max(snapshot.intervalSeconds(), antiThrashing.coolDownSeconds());
    MoveSearch search =
        new MoveSearch(rules, balance, costModel, hotThreshold, costPerSecond, horizon);
    for (int moves = 0; moves < maxMoves; moves++) {
      double before = balance.imbalance();
      if (before <= Math.max(0, tolerance - hysteresis)) {
        break;
      }
      MoveSearch.Candidate best = search.next(minGain());
      if (best == null) {
        break;
      }
      log.move(
          best.vm(),
          best.target(),
          Reason.IMBALANCE,
          String.format(
              Locale.ROOT,
              "imbalance %.4f -> %.4f on %s demand, net gain %.3f host-equivalents",
              before,
              best.after(),
              estimator.name(),
              best.net()),
          before - best.after());
      balance.moved(best.vm(), best.source(), best.target());
      search.moved(best);
    }
    return log.toPlan(name(), costModel, false);
  }
}
