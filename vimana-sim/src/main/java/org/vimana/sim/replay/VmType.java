package org.vimana.sim.replay;

import java.util.Objects;

/**
 * A kind of VM.
 *
 * @param name as the scenario calls it
 * @param vcpus virtual CPUs
 * @param mips CPU capacity of the whole VM (a trace's 100 % is this much)
 * @param memoryMib memory size
 */
public record VmType(String name, int vcpus, double mips, long memoryMib) {

  public VmType {
    Objects.requireNonNull(name, "name");
    if (vcpus < 1 || !(mips > 0) || memoryMib < 1) {
      throw new IllegalArgumentException(
          "vm type " + name + ": vcpus >= 1, mips > 0 and memory >= 1 are required");
    }
  }
}
