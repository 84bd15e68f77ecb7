package org.vimana.balancer.cost;

import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;

/**
 * Memory sent once at the migration bandwidth, no downtime accounted: duration = memory /
 * bandwidth. This is CloudSim's model (RAM over half the host bandwidth), used to reproduce its
 * figures; {@link PreCopyCostModel} is the realistic one.
 */
public final class CopyOnceCostModel implements MigrationCostModel {

  @Override
  public MigrationCost estimate(VmLoad vm, HostLoad source, HostLoad target) {
    double seconds = vm.memoryMib() / MigrationCostModel.bandwidth(source, target);
    return new MigrationCost(seconds, 0, vm.memoryMib());
  }

  @Override
  public String toString() {
    return "copy-once";
  }
}
