package org.vimana.balancer.strategy;

import org.vimana.balancer.plan.Plan;
import org.vimana.balancer.snapshot.ClusterSnapshot;

/**
 * A balancing strategy: a pure function of a snapshot. It reads no clock (the snapshot carries the
 * time), does no I/O, and returns the same plan for the same snapshot (randomised strategies draw
 * from a generator seeded by their seed and the snapshot time).
 */
public interface Strategy {

  /** Name and parameters, e.g. {@code thr-mmt:0.8} or {@code equalize:3}. */
  String name();

  Plan plan(ClusterSnapshot snapshot);
}
