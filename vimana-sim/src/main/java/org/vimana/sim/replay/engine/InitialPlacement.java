package org.vimana.sim.replay.engine;

/**
 * Places every VM at the start by its nominal size (all of its CPU, all of its memory), as a
 * scheduler places by flavour: power-aware best fit (the host whose power grows least over its idle
 * power, with CloudSim's threshold rule: the new VM alone must be within the threshold on a host
 * that already has VMs), or spread (the least loaded host that stays within the threshold). Cores,
 * CPU capacity and memory are always respected.
 */
final class InitialPlacement {

  private InitialPlacement() {}

  static void run(World w, boolean spread, double threshold) {
    int hosts = w.hostCount();
    double[] cpu = new double[hosts];
    long[] memory = new long[hosts];
    for (int v = 0; v < w.vmCount(); v++) {
      var vm = w.vmType[v];
      int best = -1;
      double bestScore = Double.MAX_VALUE;
      for (int h = 0; h < hosts; h++) {
        var type = w.hostType[h];
        double capacity = type.capacityMips();
        if (vm.vcpus() > type.cores()
            || vm.mips() / vm.vcpus() > type.mipsPerCore()
            || capacity - cpu[h] < vm.mips()
            || type.memoryMib() - memory[h] < vm.memoryMib()) {
          continue;
        }
        double after = (cpu[h] + vm.mips()) / capacity;
        // CloudSim checks its threshold against the VMs' requested CPU, and a VM placed a moment
        // earlier requests nothing yet: in effect only the new VM counts. Spread checks it all.
        double checked = spread ? after : vm.mips() / capacity;
        if (cpu[h] > 0 && checked > threshold) {
          continue;
        }
        double score =
            spread ? after : type.power().watts(Math.min(1, after)) - type.power().watts(0);
        if (score < bestScore) {
          bestScore = score;
          best = h;
        }
      }
      if (best < 0) {
        throw new IllegalStateException(
            "VM "
                + w.vmId[v]
                + " ("
                + vm.name()
                + ") fits on no host: the data centre is too small for the traces");
      }
      cpu[best] += vm.mips();
      memory[best] += vm.memoryMib();
      w.place(v, best);
    }
  }
}
