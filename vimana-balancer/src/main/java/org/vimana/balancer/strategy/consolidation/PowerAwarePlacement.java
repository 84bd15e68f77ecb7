package org.vimana.balancer.strategy.consolidation;

import org.vimana.balancer.state.MoveRules;
import org.vimana.balancer.state.WorkingState;
import org.vimana.balancer.strategy.TargetChooser;

/**
 * Power-aware best fit (PABFD's host choice): among the hosts that can take the VM and that the
 * detector would not call overloaded with it, the one whose power draw grows least. The growth is
 * measured from the host's power at the snapshot, as CloudSim does; a host with no load is not
 * checked for overload (a VM alone on an empty host is where it fits best).
 */
public final class PowerAwarePlacement implements TargetChooser {

  private final MoveRules rules;
  private final OverloadDetector detector;

  public PowerAwarePlacement(MoveRules rules, OverloadDetector detector) {
    this.rules = rules;
    this.detector = detector;
  }

  /** The best host for VM {@code v} outside {@code excluded}, or -1. */
  public int find(int v, boolean[] excluded) {
    WorkingState state = rules.state();
    int best = -1;
    double min = Double.MAX_VALUE;
    for (int h = 0; h < state.hostCount(); h++) {
      if (excluded[h] || !rules.canHost(v, h)) {
        continue;
      }
      double increase = powerIncrease(state, v, h);
      if (increase < min) {
        if (state.allocated(h) != 0 && detector.overloadedWith(state, h, v)) {
          continue;
        }
        min = increase;
        best = h;
      }
    }
    return best;
  }

  /** Watts host {@code h} would draw with VM {@code v} added, minus its draw at the snapshot. */
  public static double powerIncrease(WorkingState state, int v, int h) {
    var host = state.host(h);
    double after =
        Math.min(1, (state.allocated(h) + state.vm(v).cpuDemandMips()) / host.cpuCapacityMips());
    return host.powerModel().watts(after) - host.powerModel().watts(host.cpuUtilisation());
  }

  @Override
  public boolean acceptable(int[] group, int h) {
    WorkingState state = rules.state();
    if (state.allocated(h) == 0 && group.length == 1) {
      return true;
    }
    for (int v : group) {
      if (detector.overloadedWith(state, h, v)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public double score(int[] group, int h) {
    double sum = 0;
    for (int v : group) {
      sum += powerIncrease(rules.state(), v, h);
    }
    return sum;
  }
}
