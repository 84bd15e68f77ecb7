package org.vimana.manager.placement;

import org.vimana.core.host.HostCapacity;

/** A host that could take a VM: its capacity and what is already allocated on it. */
public record Candidate(
    String hostId, String hostName, HostCapacity capacity, int allocatedVcpus, long allocatedMib) {

  long freeMemoryMib() {
    return capacity.memoryMib() - allocatedMib;
  }
}
