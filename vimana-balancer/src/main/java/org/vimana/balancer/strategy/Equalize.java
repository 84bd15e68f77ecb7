package org.vimana.balancer.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vimana.balancer.cost.AntiThrashing;
import org.vimana.balancer.cost.MigrationCostModel;
import org.vimana.balancer.plan.Plan;
import org.vimana.balancer.plan.Reason;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.state.MoveLog;
import org.vimana.balancer.state.MoveRules;
import org.vimana.balancer.state.WorkingState;

/**
 * Minimises imbalance, the standard deviation of normalised CPU load plus that of memory load over
 * the powered-on hosts, by greedy best moves, as vSphere DRS does. Each round evaluates moving
 * every movable VM of the most loaded hosts to each of the least loaded ones and takes the move
 * with the best net gain (imbalance reduction minus a cost per second of migration); it stops when
 * imbalance is within the level's tolerance or no move gains enough.
 *
 * <p>Aggressiveness 1 to 5, like DRS's migration threshold: 1 makes only mandatory moves
 * (evacuating hosts in maintenance); 2 to 5 tolerate an imbalance of 0.20, 0.10, 0.05, 0.02 and
 * require a gain per move of 0.010, 0.005, 0.002, 0.001 (or the anti-thrashing minimum, if larger).
 * No move makes its target hotter than the hot threshold or hotter than its source was.
 */
public final class Equalize implements Strategy {

  private static final double[] TOLERANCE = {Double.POSITIVE_INFINITY, 0.20, 0.10, 0.05, 0.02};
  private static final double[] MIN_GAIN = {Double.POSITIVE_INFINITY, 0.010, 0.005, 0.002, 0.001};
  private static final int SOURCES = 16;
  private static final int TARGETS = 32;

  private final int level;
  private final double hotThreshold;
  private final MigrationCostModel costModel;
  private final AntiThrashing antiThrashing;
  private final double costPerSecond;
  private final int maxMoves;

  /**
   * @param level aggressiveness 1 (mandatory moves only) to 5 (most aggressive)
   * @param hotThreshold no move may raise its target's CPU load above this (e.g. 0.8)
   * @param costPerSecond imbalance a move must gain per second of migration (cost-benefit)
   * @param maxMoves most moves per plan (DRS caps a pass, too)
   */
  public Equalize(
      int level,
      double hotThreshold,
      MigrationCostModel costModel,
      AntiThrashing antiThrashing,
      double costPerSecond,
      int maxMoves) {
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
  }

  @Override
  public String name() {
    return "equalize:" + level;
  }

  @Override
  public Plan plan(ClusterSnapshot snapshot) {
    WorkingState state = new WorkingState(snapshot);
    MoveRules rules = new MoveRules(state, antiThrashing);
    MoveLog log = new MoveLog(state);
    LoadBalance balance = new LoadBalance(rules, hotThreshold);
    Evacuation.run(rules, log, balance);
    balance.recompute();
    double tolerance = TOLERANCE[level - 1];
    double minGain = Math.max(MIN_GAIN[level - 1], antiThrashing.minGain());
    double hysteresis = antiThrashing.hysteresis();
    if (balance.imbalance() <= tolerance + hysteresis) {
      return log.toPlan(name(), costModel, false);
    }
    for (int moves = 0; moves < maxMoves; moves++) {
      double before = balance.imbalance();
      if (before <= Math.max(0, tolerance - hysteresis)) {
        break;
      }
      Candidate best = bestMove(state, rules, balance, before);
      if (best == null || best.net < minGain) {
        break;
      }
      log.move(
          best.vm,
          best.target,
          Reason.IMBALANCE,
          String.format("imbalance %.4f -> %.4f", before, best.after),
          before - best.after);
      balance.recompute();
    }
    return log.toPlan(name(), costModel, false);
  }

  private record Candidate(int vm, int target, double after, double net) {}

  private Candidate bestMove(
      WorkingState state, MoveRules rules, LoadBalance balance, double before) {
    List<Integer> hosts = new ArrayList<>();
    for (int h = 0; h < state.hostCount(); h++) {
      if (balance.member(h)) {
        hosts.add(h);
      }
    }
    hosts.sort(Comparator.comparingDouble(h -> balance.cpu(h) + balance.mem(h)));
    Candidate best = null;
    double mean = balance.meanCpu();
    int sourcesTried = 0;
    for (int i = hosts.size() - 1; i >= 0 && sourcesTried < SOURCES; i--) {
      int s = hosts.get(i);
      double sourceLoad = balance.cpu(s);
      if (sourceLoad <= mean) {
        break;
      }
      boolean anyMovable = false;
      for (int v : state.vmsOn(s)) {
        if (!rules.movable(v, false)) {
          continue;
        }
        anyMovable = true;
        double seconds = costModel.estimate(state.vm(v), state.host(s), state.host(s)).seconds();
        for (int j = 0; j < Math.min(TARGETS, hosts.size()); j++) {
          int t = hosts.get(j);
          if (t == s || !rules.canHost(v, t)) {
            continue;
          }
          double targetAfter = balance.cpuWith(new int[] {v}, t);
          if (targetAfter > hotThreshold || targetAfter >= sourceLoad) {
            continue;
          }
          double after = balance.imbalanceAfter(v, s, t);
          // Gain in host-equivalents: one move shifts sigma by about 1/N of its effect, so the
          // thresholds mean the same on 3 hosts and on 3,000.
          double net = balance.size() * (before - after) - costPerSecond * seconds;
          if (best == null || net > best.net) {
            best = new Candidate(v, t, after, net);
          }
        }
      }
      if (anyMovable) {
        sourcesTried++;
      }
    }
    return best;
  }
}
