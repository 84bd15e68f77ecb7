package org.vimana.sim;

import static java.util.Objects.requireNonNull;

import org.vimana.core.vm.VmStatus;
import org.vimana.sim.time.ScheduledTask;

/**
 * Memory a target host holds for a VM it was asked to receive. It expires if no migration starts
 * within {@link HostModel#PREPARE_TIMEOUT}; once one has started it lasts until the VM arrives or
 * the migration fails. Guarded by the target's lock.
 */
final class Incoming {
  final VmStatus vm;
  private ScheduledTask expiry;
  private boolean started;

  Incoming(VmStatus vm) {
    this.vm = requireNonNull(vm);
  }

  void expiry(ScheduledTask task) {
    this.expiry = requireNonNull(task);
  }

  long memoryMib() {
    return vm.spec().memoryMib();
  }

  boolean started() {
    return started;
  }

  void markStarted() {
    started = true;
    drop();
  }

  void drop() {
    if (expiry != null) {
      expiry.cancel();
    }
  }
}
