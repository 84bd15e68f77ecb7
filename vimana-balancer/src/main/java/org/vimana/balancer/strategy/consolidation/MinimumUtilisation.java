package org.vimana.balancer.strategy.consolidation;

import java.util.Random;
import java.util.function.IntPredicate;
import org.vimana.balancer.state.WorkingState;

/** MU: the VM with the lowest CPU demand relative to its own capacity. */
public final class MinimumUtilisation implements VmSelector {

  @Override
  public String name() {
    return "mu";
  }

  @Override
  public int select(WorkingState state, int h, IntPredicate movable, Random random) {
    int best = -1;
    double min = Double.POSITIVE_INFINITY;
    for (int v : state.vmsOn(h)) {
      if (movable.test(v) && state.vm(v).demandFraction() < min) {
        min = state.vm(v).demandFraction();
        best = v;
      }
    }
    return best;
  }
}
