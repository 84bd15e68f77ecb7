package org.vimana.sim.replay.engine;

import java.util.ArrayList;
import java.util.List;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.snapshot.Constraints;
import org.vimana.balancer.snapshot.DemandHistory;
import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;

/**
 * Turns the world at planning instant {@code k} into the snapshot a strategy sees: measured host
 * CPU, each VM's demand now and its last {@code historyLength} samples (from the first planning
 * instant on, as a monitoring system would have them).
 */
final class SnapshotBuilder {

  private final World world;
  private final double[][] reversed;
  private final int historyLength;
  private final boolean memoryReserved;
  private final double dirtyRate;
  private final long intervalSeconds;
  private final Constraints constraints;

  SnapshotBuilder(
      World world,
      int historyLength,
      boolean memoryReserved,
      double dirtyRate,
      Constraints constraints) {
    this.world = world;
    this.constraints = constraints;
    this.historyLength = historyLength;
    this.memoryReserved = memoryReserved;
    this.dirtyRate = dirtyRate;
    this.intervalSeconds = world.traces.intervalSeconds();
    int n = world.traces.sampleCount();
    reversed = new double[world.vmCount()][n];
    for (int v = 0; v < world.vmCount(); v++) {
      for (int i = 0; i < n; i++) {
        reversed[v][i] = world.traces.sample(v, n - 1 - i);
      }
    }
  }

  ClusterSnapshot build(int k, HostStates now) {
    int n = world.traces.sampleCount();
    List<HostLoad> hosts = new ArrayList<>(world.hostCount());
    for (int h = 0; h < world.hostCount(); h++) {
      var t = world.hostType[h];
      hosts.add(
          new HostLoad(
              world.hostId[h],
              t.cores(),
              t.mipsPerCore(),
              t.memoryMib(),
              now.used[h],
              t.power(),
              world.migrationBandwidth[h],
              world.hostActive(h)));
    }
    List<VmLoad> vms = new ArrayList<>(world.vmCount());
    int size = Math.min(k, historyLength);
    for (int v = 0; v < world.vmCount(); v++) {
      if (world.retired(v)) {
        continue;
      }
      var t = world.vmType[v];
      vms.add(
          new VmLoad(
              world.vmId[v],
              world.hostId[world.hostOf[v]],
              t.vcpus(),
              t.mips(),
              t.memoryMib(),
              memoryReserved ? t.memoryMib() : 0,
              now.vmDemand[v],
              DemandHistory.window(reversed[v], n - 1 - k, size),
              dirtyRate,
              world.migratingTo[v] >= 0,
              world.lastMigratedAt[v] == Long.MIN_VALUE ? VmLoad.NEVER : world.lastMigratedAt[v]));
    }
    return new ClusterSnapshot(k * intervalSeconds, intervalSeconds, hosts, vms, constraints);
  }
}
