package org.vimana.balancer.estimate;

import org.vimana.balancer.snapshot.VmLoad;

/** The demand at the snapshot, no history: reacts at once, and to every spike. */
record LastSample() implements DemandEstimator {

  @Override
  public double fraction(VmLoad vm) {
    return vm.demandFraction();
  }

  @Override
  public String name() {
    return "last";
  }
}
