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
    return Map.copyOf(cache);
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
