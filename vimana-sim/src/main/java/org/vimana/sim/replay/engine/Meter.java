package org.vimana.sim.replay.engine;

/**
 * What accumulates between two instants, with CloudSim's conventions so its figures can be
 * reproduced: a host with no CPU in use at the start of a span is off and draws nothing (energy is
 * the mean of the power at both ends otherwise); SLATAH counts the active time a host delivers less
 * CPU than asked of it; PDM counts the CPU migrating VMs lose. Each span is judged by its start
 * state.
 */
final class Meter {

  double energyJoules;
  double activeHostSeconds;
  double violationHostSeconds;
  double migrationShortfall;
  double requestedTotal;
  double imbalanceSeconds;
  double overloadedHostSeconds;
  double seconds;
  private final double[] hostActiveSeconds;
  private final double[] hostViolationSeconds;
  private final double[] vmRequested;
  private final double[] vmShortfall;

  Meter(int hosts, int vms) {
    hostActiveSeconds = new double[hosts];
    hostViolationSeconds = new double[hosts];
    vmRequested = new double[vms];
    vmShortfall = new double[vms];
  }

  void span(World w, HostStates start, HostStates end, double dt) {
    if (dt <= 0) {
      return;
    }
    seconds += dt;
    int active = 0;
    double sum = 0;
    double sum2 = 0;
    for (int h = 0; h < w.hostCount(); h++) {
      if (start.used[h] <= 0) {
        continue;
      }
      var type = w.hostType[h];
      double capacity = type.capacityMips();
      activeHostSeconds += dt;
      hostActiveSeconds[h] += dt;
      if (start.used[h] < start.requested[h]) {
        violationHostSeconds += dt;
        hostViolationSeconds[h] += dt;
      }
      double from = type.power().watts(start.utilisation(w, h));
      double to = type.power().watts(end.utilisation(w, h));
      energyJoules += (from + to) / 2 * dt;
      double load = start.demand[h] / capacity;
      if (load > 1) {
        overloadedHostSeconds += dt;
      }
      active++;
      sum += load;
      sum2 += load * load;
    }
    if (active > 0) {
      double mean = sum / active;
      imbalanceSeconds += Math.sqrt(Math.max(0, sum2 / active - mean * mean)) * dt;
    }
    for (int v = 0; v < w.vmCount(); v++) {
      requestedTotal += start.vmDemand[v] * dt;
      vmRequested[v] += start.vmDemand[v] * dt;
      if (start.vmMigrating[v] && start.vmAllocated[v] < start.vmDemand[v]) {
        double lost = (start.vmDemand[v] - start.vmAllocated[v]) * dt;
        migrationShortfall += lost;
        vmShortfall[v] += lost;
      }
    }
  }

  double slatah() {
    return activeHostSeconds == 0 ? 0 : violationHostSeconds / activeHostSeconds;
  }

  double pdm() {
    return requestedTotal == 0 ? 0 : migrationShortfall / requestedTotal;
  }

  /** The paper's SLATAH: the mean over the hosts ever active of each one's violation fraction. */
  double slatahHostMean() {
    return meanRatio(hostViolationSeconds, hostActiveSeconds);
  }

  /** The paper's PDM: the mean over the VMs that asked for CPU of each one's lost fraction. */
  double pdmVmMean() {
    return meanRatio(vmShortfall, vmRequested);
  }

  private static double meanRatio(double[] part, double[] whole) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < whole.length; i++) {
      if (whole[i] > 0) {
        sum += part[i] / whole[i];
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }
}
