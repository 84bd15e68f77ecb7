package org.vimana.sim.replay.engine;

import org.vimana.balancer.state.IntList;

/**
 * How every host shares its CPU among its VMs at one instant, as CloudSim's time-shared
 * over-subscribing scheduler does: each vCPU gets at most one core; if the VMs ask for more than
 * the host has, every allocation is scaled down in proportion (and rounded down); a VM migrating
 * out gets 90 % of its share (the migration's cost to its performance), and the target already
 * spends 10 % of the VM's share on it.
 */
final class HostStates {

  /** CPU the host delivers, MIPS (a migrating-out VM counts in full). */
  final double[] used;

  /** CPU asked of the host, MIPS (migrating-in VMs count in full, as CloudSim counts them). */
  final double[] requested;

  /** CPU asked by the VMs that run on the host (not those arriving). */
  final double[] demand;

  /** Each VM's demand, MIPS. */
  final double[] vmDemand;

  /** What each VM gets on the host it runs on. */
  final double[] vmAllocated;

  /** Whether each VM is migrating. */
  final boolean[] vmMigrating;

  HostStates(int hosts, int vms) {
    used = new double[hosts];
    requested = new double[hosts];
    demand = new double[hosts];
    vmDemand = new double[vms];
    vmAllocated = new double[vms];
    vmMigrating = new boolean[vms];
  }

  void compute(World w, double seconds) {
    for (int v = 0; v < w.vmCount(); v++) {
      boolean gone = w.retired(v);
      vmDemand[v] = gone ? 0 : w.demand(v, seconds);
      vmMigrating[v] = !gone && w.migratingTo[v] >= 0;
    }
    for (int h = 0; h < w.hostCount(); h++) {
      computeHost(w, h);
    }
  }

  private void computeHost(World w, int h) {
    var type = w.hostType[h];
    double capacity = type.capacityMips();
    IntList resident = w.vmsOn[h];
    IntList arriving = w.incoming[h];
    double total = 0;
    double asked = 0;
    for (int i = 0; i < resident.size(); i++) {
      int v = resident.get(i);
      total += capped(w, v, h);
      asked += vmDemand[v];
    }
    demand[h] = asked;
    for (int i = 0; i < arriving.size(); i++) {
      total += capped(w, arriving.get(i), h) * 0.1;
    }
    boolean scaled = total > capacity;
    double scale = scaled ? capacity / total : 1;
    double delivered = 0;
    double requestedHere = 0;
    for (int i = 0; i < resident.size(); i++) {
      int v = resident.get(i);
      double c = capped(w, v, h);
      boolean out = vmMigrating[v];
      double alloc = out ? c * scale * 0.9 : c * scale;
      if (scaled) {
        alloc = Math.floor(alloc);
      }
      vmAllocated[v] = alloc;
      delivered += out ? alloc / 0.9 : alloc;
      requestedHere += vmDemand[v];
    }
    for (int i = 0; i < arriving.size(); i++) {
      int v = arriving.get(i);
      double alloc = capped(w, v, h) * 0.1 * scale;
      delivered += scaled ? Math.floor(alloc) : alloc;
      requestedHere += vmDemand[v];
    }
    used[h] = delivered;
    requested[h] = requestedHere;
  }

  private double capped(World w, int v, int h) {
    var vm = w.vmType[v];
    double perVcpu = vmDemand[v] / vm.vcpus();
    return Math.min(perVcpu, w.hostType[h].mipsPerCore()) * vm.vcpus();
  }

  /** Utilisation of host {@code h}, 0..1. */
  double utilisation(World w, int h) {
    return Math.min(1, used[h] / w.hostType[h].capacityMips());
  }
}
