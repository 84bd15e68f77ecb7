package org.vimana.balancer.strategy.consolidation;

import java.util.Random;
import java.util.function.IntPredicate;
import org.vimana.balancer.cost.MigrationCostModel;
import org.vimana.balancer.state.WorkingState;

/** MMT: the VM whose migration takes least time (the smallest memory at equal dirty rates). */
public final class MinimumMigrationTime implements VmSelector {

  private final MigrationCostModel costModel;

  public MinimumMigrationTime(MigrationCostModel costModel) {
    this.costModel = costModel;
  }

  @Override
  public String name() {
    return "mmt";
  }

  @Override
  public int select(WorkingState state, int h, IntPredicate movable, Random random) {
    var host = state.host(h);
    int best = -1;
    double min = Double.POSITIVE_INFINITY;
    for (int v : state.vmsOn(h)) {
      if (!movable.test(v)) {
        continue;
      }
      double seconds = costModel.estimate(state.vm(v), host, host).seconds();
      if (seconds < min) {
        min = seconds;
        best = v;
      }
    }
    return best;
  }
}
