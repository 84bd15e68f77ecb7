package org.vimana.balancer.snapshot;

import java.util.Objects;
import org.vimana.balancer.power.PowerModel;

/**
 * One host as a strategy sees it.
 *
 * @param id unique host id
 * @param cores physical cores (processing elements) offered to guests
 * @param mipsPerCore capacity of one core (MIPS, or MHz: any unit, the same as the VMs')
 * @param memoryMib memory offered to guests
 * @param cpuUsedMips CPU measured in use at the snapshot (what the guests got, not what they asked)
 * @param powerModel watts as a function of utilisation (for power-aware placement)
 * @param migrationBandwidthMibps bandwidth available to live migrations from or to this host
 * @param poweredOn false for a host that is switched off (it can be switched on by a plan)
 */
public record HostLoad(
    String id,
    int cores,
    double mipsPerCore,
    long memoryMib,
    double cpuUsedMips,
    PowerModel powerModel,
    double migrationBandwidthMibps,
    boolean poweredOn) {

  public HostLoad {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(powerModel, "powerModel");
    if (cores < 1) {
      throw new IllegalArgumentException("host " + id + ": cores must be >= 1, got " + cores);
    }
    if (!(mipsPerCore > 0) || Double.isInfinite(mipsPerCore)) {
      throw new IllegalArgumentException("host " + id + ": mipsPerCore must be positive");
    }
    if (memoryMib < 0) {
      throw new IllegalArgumentException("host " + id + ": memoryMib must be >= 0");
    }
    if (!(cpuUsedMips >= 0)) {
      throw new IllegalArgumentException("host " + id + ": cpuUsedMips must be >= 0");
    }
    if (!(migrationBandwidthMibps > 0)) {
      throw new IllegalArgumentException("host " + id + ": migration bandwidth must be positive");
    }
  }

  /** Total CPU capacity: cores x MIPS per core. */
  public double cpuCapacityMips() {
    return cores * mipsPerCore;
  }

  /** Measured CPU utilisation, 0..1. */
  public double cpuUtilisation() {
    return Math.min(1, cpuUsedMips / cpuCapacityMips());
  }

  /** This host with another measured CPU use. */
  public HostLoad withCpuUsedMips(double used) {
    return new HostLoad(
        id, cores, mipsPerCore, memoryMib, used, powerModel, migrationBandwidthMibps, poweredOn);
  }

  /** This host switched on or off. */
  public HostLoad withPoweredOn(boolean on) {
    return new HostLoad(
        id, cores, mipsPerCore, memoryMib, cpuUsedMips, powerModel, migrationBandwidthMibps, on);
  }
}
