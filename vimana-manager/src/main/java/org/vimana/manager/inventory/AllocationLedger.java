package org.vimana.manager.inventory;

import java.util.HashMap;
import java.util.Map;
import org.vimana.core.vm.VmState;
import org.vimana.manager.store.HostAllocation;
import org.vimana.manager.store.VmStore;

/**
 * What each host has allocated, as placement needs it. Read from the database once and then kept up
 * to date in memory, because summing every VM on every create made create cost grow with the
 * cluster. Any change it cannot apply exactly simply drops the cache; the next placement reloads.
 */
public final class AllocationLedger {
  private final VmStore vms;
  private Map<String, HostAllocation> cache;

  /** VMs on their way to a host (migrations running): vm id to target host and demand. */
  private final Map<String, Incoming> incoming = new HashMap<>();

  private record Incoming(String hostId, int vcpus, long memoryMib) {}

  public AllocationLedger(VmStore vms) {
    this.vms = vms;
  }

  /** Whether a VM in {@code state} counts against its host (see the store's HOLDS). */
  static boolean holds(VmState state) {
    return state != VmState.STOPPED && state != VmState.CRASHED;
  }

  synchronized Map<String, HostAllocation> snapshot() {
    if (cache == null) {
      cache = new HashMap<>(vms.allocations());
    }
    if (incoming.isEmpty()) {
      return Map.copyOf(cache);
    }
    Map<String, HostAllocation> out = new HashMap<>(cache);
    for (Incoming in : incoming.values()) {
      out.put(in.hostId(), plus(out.get(in.hostId()), in.hostId(), in.vcpus(), in.memoryMib()));
    }
    return Map.copyOf(out);
  }

  /** What {@code hostId} has allocated, with the VMs migrating to it. */
  public HostAllocation of(String hostId) {
    return snapshot().getOrDefault(hostId, HostAllocation.none(hostId));
  }

  /**
   * Holds a migrating VM's CPU and memory on its target until {@link #settled}, so that neither a
   * create nor a second migration takes the room it needs.
   */
  public synchronized void incoming(String vmId, String hostId, int vcpus, long memoryMib) {
    incoming.put(vmId, new Incoming(hostId, vcpus, memoryMib));
  }

  /** The migration of {@code vmId} has ended, one way or the other. */
  public synchronized void settled(String vmId) {
    incoming.remove(vmId);
    cache = null;
  }

  private static HostAllocation plus(HostAllocation a, String hostId, int vcpus, long memoryMib) {
    HostAllocation base = a == null ? HostAllocation.none(hostId) : a;
    return new HostAllocation(
        hostId,
        base.vmCount() + 1,
        base.runningVms() + 1,
        base.vcpus() + vcpus,
        base.memoryMib() + memoryMib);
  }

  /** A new VM was reserved on {@code hostId}. */
  synchronized void reserved(String hostId, int vcpus, long memoryMib) {
    if (cache != null) {
      HostAllocation a = cache.getOrDefault(hostId, HostAllocation.none(hostId));
      cache.put(
          hostId,
          new HostAllocation(
              hostId,
              a.vmCount() + 1,
              a.runningVms(),
              a.vcpus() + vcpus,
              a.memoryMib() + memoryMib));
    }
  }

  /** Something changed that the ledger does not follow exactly. */
  public synchronized void invalidate() {
    cache = null;
  }
}
