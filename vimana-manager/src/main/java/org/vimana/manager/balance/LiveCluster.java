package org.vimana.manager.balance;

import java.util.Map;
import java.util.Optional;
import org.vimana.balancer.snapshot.ClusterSnapshot;

/**
 * The cluster as the balancer sees it now. Hosts and VMs are known by name in the snapshot, so the
 * strategies' explanations read as an operator would write them.
 *
 * @param snapshot up hosts and the VMs that hold resources on them
 * @param vmIds VM name to id, for the VMs in the snapshot
 * @param excluded VM name to why it is not in the snapshot (stopped, its host down)
 */
public record LiveCluster(
    ClusterSnapshot snapshot, Map<String, String> vmIds, Map<String, String> excluded) {

  public LiveCluster {
    vmIds = Map.copyOf(vmIds);
    excluded = Map.copyOf(excluded);
  }

  public Optional<String> vmId(String name) {
    return Optional.ofNullable(vmIds.get(name));
  }

  /**
   * Imbalance as equalize measures it: the standard deviation of the powered-on hosts' CPU demand
   * over capacity plus that of their reserved memory over capacity.
   */
  public double imbalance() {
    int n = snapshot.hosts().size();
    if (n == 0) {
      return 0;
    }
    double[] cpu = new double[n];
    double[] mem = new double[n];
    int on = 0;
    for (int h = 0; h < n; h++) {
      var host = snapshot.host(h);
      if (!host.poweredOn()) {
        continue;
      }
      double demand = 0;
      long reserved = 0;
      for (int v : snapshot.vmsOn(h)) {
        demand += snapshot.vm(v).cpuDemandMips();
        reserved += snapshot.vm(v).memoryReservedMib();
      }
      cpu[on] = demand / host.cpuCapacityMips();
      mem[on] = host.memoryMib() == 0 ? 0 : (double) reserved / host.memoryMib();
      on++;
    }
    return deviation(cpu, on) + deviation(mem, on);
  }

  private static double deviation(double[] x, int n) {
    if (n == 0) {
      return 0;
    }
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += x[i];
    }
    mean /= n;
    double sq = 0;
    for (int i = 0; i < n; i++) {
      sq += (x[i] - mean) * (x[i] - mean);
    }
    return Math.sqrt(sq / n);
  }
}
