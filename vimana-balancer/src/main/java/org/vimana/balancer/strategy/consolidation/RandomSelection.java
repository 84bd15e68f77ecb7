package org.vimana.balancer.strategy.consolidation;

import java.util.Random;
import java.util.function.IntPredicate;
import org.vimana.balancer.state.WorkingState;

/** RS: a VM drawn uniformly from the movable ones, from the plan's seeded generator. */
public final class RandomSelection implements VmSelector {

  @Override
  public String name() {
    return "rs";
  }

  @Override
  public int select(WorkingState state, int h, IntPredicate movable, Random random) {
    int[] candidates = java.util.Arrays.stream(state.vmsOn(h)).filter(movable).toArray();
    return candidates.length == 0 ? -1 : candidates[random.nextInt(candidates.length)];
  }
}
