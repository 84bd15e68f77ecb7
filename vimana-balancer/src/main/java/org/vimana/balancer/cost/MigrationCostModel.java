package org.vimana.balancer.cost;

import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;

/** Estimates the cost of migrating a VM between two hosts. */
public interface MigrationCostModel {

  MigrationCost estimate(VmLoad vm, HostLoad source, HostLoad target);

  /** The bandwidth a migration between two hosts gets: the smaller of the two. */
  static double bandwidth(HostLoad source, HostLoad target) {
    return Math.min(source.migrationBandwidthMibps(), target.migrationBandwidthMibps());
  }
}
