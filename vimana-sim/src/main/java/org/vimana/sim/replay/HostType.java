package org.vimana.sim.replay;

import java.util.Objects;
import org.vimana.balancer.power.PowerModel;

/**
 * A kind of physical host.
 *
 * @param name as the scenario calls it
 * @param cores processing elements
 * @param mipsPerCore capacity of one core
 * @param memoryMib memory for guests
 * @param bandwidthMbps network bandwidth (Mbit/s); migrations get a share of it
 * @param power watts by utilisation
 */
public record HostType(
    String name,
    int cores,
    double mipsPerCore,
    long memoryMib,
    double bandwidthMbps,
    PowerModel power) {

  public HostType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(power, "power");
    if (cores < 1 || !(mipsPerCore > 0) || memoryMib < 0 || !(bandwidthMbps > 0)) {
      throw new IllegalArgumentException(
          "host type "
              + name
              + ": cores >= 1, mips > 0, memory >= 0 and bandwidth > 0 are required");
    }
  }

  public double capacityMips() {
    return cores * mipsPerCore;
  }
}
