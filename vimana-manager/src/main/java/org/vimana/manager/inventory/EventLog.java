package org.vimana.manager.inventory;

import java.time.Clock;
import org.vimana.api.model.EventView;
import org.vimana.core.vm.VmState;
import org.vimana.manager.store.EventStore;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.VmRecord;

/** Appends to the event history with the names resolved, so history survives renames. */
public final class EventLog {
  private final EventStore store;
  private final Clock clock;

  public EventLog(EventStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void vm(VmRecord vm, String hostName, String type, VmState state, String message) {
    vm(vm, vm.hostId(), hostName, type, state, message);
  }

  /** An event that a host other than the VM's recorded one reports (a migration's target). */
  public void vm(
      VmRecord vm, String hostId, String hostName, String type, VmState state, String message) {
    store.append(
        new EventView(
            0,
            clock.instant(),
            vm.id(),
            vm.name(),
            hostId,
            hostName,
            type,
            state == null ? null : state.wireName(),
            message));
  }

  public void host(HostRecord host, String type, String message) {
    store.append(
        new EventView(0, clock.instant(), null, null, host.id(), host.name(), type, null, message));
  }
}
