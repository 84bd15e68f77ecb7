package org.vimana.core.host;

import org.vimana.core.Validation;

/**
 * What a physical host offers to VMs.
 *
 * @param cpuCores physical cores (or hardware threads) schedulable for guests
 * @param cpuMhz clock of one core, used to turn utilisation into absolute demand
 * @param memoryMib memory available to guests
 * @param diskGib local storage available to guest disks
 */
public record HostCapacity(int cpuCores, int cpuMhz, long memoryMib, long diskGib) {
  public HostCapacity {
    Validation.positive("cpuCores", cpuCores);
    Validation.positive("cpuMhz", cpuMhz);
    Validation.positive("memoryMib", memoryMib);
    Validation.nonNegative("diskGib", diskGib);
  }

  /** Total CPU capacity in MHz (cores times clock). */
  public long totalMhz() {
    return (long) cpuCores * cpuMhz;
  }
}
