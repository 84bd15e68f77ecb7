package org.vimana.manager.store;

/** What the VMs placed on a host take of it (VMs that hold or will hold resources). */
public record HostAllocation(
    String hostId, int vmCount, int runningVms, int vcpus, long memoryMib) {
  public static HostAllocation none(String hostId) {
    return new HostAllocation(hostId, 0, 0, 0, 0);
  }
}
