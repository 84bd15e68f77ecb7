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
 * Sheds load from hosts above a CPU threshold, as OpenStack Watcher's workload_balance strategy
 * does: for each host above {@code threshold + hysteresis}, hottest first, it moves the VM whose
 * demand is closest to the host's excess over the cluster average, to the least loaded host that
 * stays at or below {@code threshold - hysteresis} with it; and repeats while the host is above the
 * threshold and a move is possible.
 */
public final class ThresholdStrategy implements Strategy {

  private final double threshold;
  private final MigrationCostModel costModel;
  private final AntiThrashing antiThrashing;

  public ThresholdStrategy(
      double threshold, MigrationCostModel costModel, AntiThrashing antiThrashing) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be within (0, 1], got " + threshold);
    }
    this.threshold = threshold;
    this.costModel = costModel;
    this.antiThrashing = antiThrashing;
  }

  @Override
  public String name() {
    return "threshold:" + threshold;
  }

  @Override
  public Plan plan(ClusterSnapshot snapshot) {
    WorkingState state = new WorkingState(snapshot);
    MoveRules rules = new MoveRules(state, antiThrashing);
    MoveLog log = new MoveLog(state);
    double limit = Math.max(0.01, threshold - antiThrashing.hysteresis());
    LoadBalance balance = new LoadBalance(rules, limit);
    Evacuation.run(rules, log, balance);
    balance.recompute();
    List<Integer> hot = new ArrayList<>();
    for (int h = 0; h < state.hostCount(); h++) {
      if (balance.member(h) && balance.cpu(h) > threshold + antiThrashing.hysteresis()) {
        hot.add(h);
      }
    }
    hot.sort(Comparator.comparingDouble(h -> -balance.cpu(h)));
    for (int s : hot) {
      while (balance.cpu(s) > threshold) {
        if (!shedOne(state, rules, log, balance, s, limit)) {
          break;
        }
      }
    }
    return log.toPlan(name(), costModel, false);
  }

  private boolean shedOne(
      WorkingState state, MoveRules rules, MoveLog log, LoadBalance balance, int s, double limit) {
    double capacity = state.host(s).cpuCapacityMips();
    double excess = (balance.cpu(s) - balance.meanCpu()) * capacity;
    int bestVm = -1;
    int bestTarget = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int v : state.vmsOn(s)) {
      if (!rules.movable(v, false)) {
        continue;
      }
      double distance = Math.abs(state.vm(v).cpuDemandMips() - excess);
      if (distance >= bestDistance) {
        continue;
      }
      int target = leastLoadedTarget(state, rules, balance, v, s, limit);
      if (target >= 0) {
        bestDistance = distance;
        bestVm = v;
        bestTarget = target;
      }
    }
    double gain = bestVm < 0 ? 0 : state.vm(bestVm).cpuDemandMips() / capacity;
    if (bestVm < 0 || gain < antiThrashing.minGain()) {
      return false;
    }
    log.move(
        bestVm,
        bestTarget,
        Reason.OVERLOAD,
        String.format(
            "host %s at %.0f%% > %.0f%%",
            state.host(s).id(), 100 * balance.cpu(s), 100 * threshold),
        gain);
    balance.recompute();
    return true;
  }

  private static int leastLoadedTarget(
      WorkingState state, MoveRules rules, LoadBalance balance, int v, int s, double limit) {
    int best = -1;
    double min = Double.POSITIVE_INFINITY;
    int[] group = {v};
    for (int t = 0; t < state.hostCount(); t++) {
      if (t == s || !balance.member(t) || !rules.canHost(v, t)) {
        continue;
      }
      double after = balance.cpuWith(group, t);
      if (after <= limit && after < min) {
        min = after;
        best = t;
      }
    }
    return best;
  }
}
