package org.vimana.balancer.strategy.consolidation;

import org.vimana.balancer.state.WorkingState;

/** THR: a host is overloaded when its VMs ask for more than {@code threshold} of its CPU. */
public record StaticThreshold(double threshold) implements OverloadDetector {

  public StaticThreshold {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("THR threshold must be within (0, 1], got " + threshold);
    }
  }

  @Override
  public String name() {
    return "thr:" + threshold;
  }

  @Override
  public boolean overloaded(WorkingState state, int h) {
    return state.demandUtilisation(h) > threshold;
  }

  @Override
  public boolean overloadedWith(WorkingState state, int h, int v) {
    double demand = state.demand(h) + state.vm(v).cpuDemandMips();
    return demand / state.host(h).cpuCapacityMips() > threshold;
  }
}
