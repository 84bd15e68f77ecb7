package org.vimana.sim;

import java.io.IOException;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.vm.VmState;
import org.vimana.sim.store.VmRecord;

/**
 * Re-adopts the VMs a host's state directory remembers, as a restarted node daemon finds the QEMU
 * processes that outlived it: running and paused VMs keep their state and boot time; a transition
 * that was under way has finished meanwhile (starting became running, shutting down became stopped,
 * a migration that never completed left the VM where it was, running or paused).
 */
final class Adoption {
  private Adoption() {}

  static void adopt(HostModel model) throws HypervisorException {
    Iterable<VmRecord> records;
    try {
      records = model.store.load();
    } catch (IOException e) {
      throw new HypervisorException(
          Reason.FAILED,
          "cannot load the VMs of sim host " + model.name() + ": " + e.getMessage(),
          e);
    }
    for (VmRecord stored : records) {
      VmRecord r = settle(stored);
      if (!r.equals(stored)) {
        model.persist(r);
      }
      model.vms.put(r.id(), model.newVm(r, r.poweredOnAt()));
    }
  }

  static VmRecord settle(VmRecord r) {
    return switch (r.state()) {
      case STARTING -> r.withState(VmState.RUNNING);
      case SHUTTING_DOWN -> r.withState(VmState.STOPPED);
      case MIGRATING -> r.withState(r.resumeState());
      case UNKNOWN -> r.withState(VmState.STOPPED);
      case DEFINED, RUNNING, PAUSED, STOPPED, CRASHED -> r;
    };
  }
}
