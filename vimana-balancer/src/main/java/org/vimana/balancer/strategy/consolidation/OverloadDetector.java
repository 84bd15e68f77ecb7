package org.vimana.balancer.strategy.consolidation;

import org.vimana.balancer.state.WorkingState;

/** Decides whether a host is overloaded (now or, for predictive detectors, soon). */
public interface OverloadDetector {

  /** Name and parameter, e.g. {@code thr:0.8}. */
  String name();

  /** Whether host {@code h} is overloaded with the VMs it has in {@code state}. */
  boolean overloaded(WorkingState state, int h);

  /** Whether host {@code h} would be overloaded if VM {@code v} were added to it. */
  boolean overloadedWith(WorkingState state, int h, int v);
}
