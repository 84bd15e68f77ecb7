package org.vimana.core.stats;

import java.time.Instant;
import java.util.List;

/**
 * A host's utilisation at one moment, with its VMs' figures from the same sample.
 *
 * @param at when the sample was taken
 * @param cpuPercent CPU use of the whole host (0..100)
 * @param memoryUsedMib memory in use by guests (and the hypervisor)
 * @param vms per-VM figures of the running VMs
 */
public record HostStats(Instant at, double cpuPercent, long memoryUsedMib, List<VmStats> vms) {
  public HostStats {
    vms = List.copyOf(vms);
  }
}
