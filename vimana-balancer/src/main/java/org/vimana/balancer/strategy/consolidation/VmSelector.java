package org.vimana.balancer.strategy.consolidation;

import java.util.Random;
import java.util.function.IntPredicate;
import org.vimana.balancer.state.WorkingState;

/** Chooses which VM leaves an overloaded host next. */
public interface VmSelector {

  /** Short name, e.g. {@code mmt}. */
  String name();

  /**
   * One of the VMs on host {@code h} that satisfy {@code movable}, or -1 if there is none.
   *
   * @param random a generator seeded for this plan (only random selection uses it)
   */
  int select(WorkingState state, int h, IntPredicate movable, Random random);
}
