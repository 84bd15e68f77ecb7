package org.vimana.manager.migration;

import static org.vimana.manager.inventory.InventoryException.Kind;

import org.vimana.core.host.HostCapacity;
import org.vimana.core.vm.VmAction;
import org.vimana.core.vm.VmLifecycle;
import org.vimana.manager.inventory.AllocationLedger;
import org.vimana.manager.inventory.InventoryException;
import org.vimana.manager.node.LiveHosts;
import org.vimana.manager.placement.Candidate;
import org.vimana.manager.placement.Placement;
import org.vimana.manager.store.HostAllocation;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.VmRecord;

/**
 * What must hold before a migration starts, each refusal naming what is wrong: the VM runs, both
 * hosts are up, the target is another host of the same driver and CPU model (a guest must not find
 * its CPU features gone), it is not in maintenance, and it has room for the VM counting the VMs
 * already on their way to it. Storage is the target's to check: it refuses to prepare when it
 * cannot reach the VM's disk image.
 */
final class MigrationChecks {
  private final LiveHosts live;
  private final AllocationLedger ledger;
  private final Placement placement;

  MigrationChecks(LiveHosts live, AllocationLedger ledger, Placement placement) {
    this.live = live;
    this.ledger = ledger;
    this.placement = placement;
  }

  void check(VmRecord vm, HostRecord source, HostRecord target) {
    if (!VmLifecycle.accepts(vm.state(), VmAction.MIGRATE)) {
      throw new InventoryException(
          Kind.INVALID_STATE,
          "VM '" + vm.name() + "' is " + vm.state().wireName() + "; only a running VM migrates");
    }
    if (target.id().equals(source.id())) {
      throw new InventoryException(
          Kind.INVALID, "VM '" + vm.name() + "' already runs on host '" + target.name() + "'");
    }
    requireUp(source, "source");
    requireUp(target, "target");
    if (target.maintenance()) {
      throw new InventoryException(
          Kind.INVALID_STATE, "target host '" + target.name() + "' is in maintenance");
    }
    if (!target.info().driver().equals(source.info().driver())) {
      throw new InventoryException(
          Kind.INVALID,
          "hosts '"
              + source.name()
              + "' ("
              + source.info().driver()
              + ") and '"
              + target.name()
              + "' ("
              + target.info().driver()
              + ") run different drivers; live migration needs the same one");
    }
    if (!target.info().cpuModel().equals(source.info().cpuModel())) {
      throw new InventoryException(
          Kind.INVALID,
          "CPU models differ: '"
              + source.info().cpuModel()
              + "' on '"
              + source.name()
              + "', '"
              + target.info().cpuModel()
              + "' on '"
              + target.name()
              + "'; the guest could lose CPU features it uses");
    }
    HostCapacity cap = target.info().capacity();
    HostAllocation a = ledger.of(target.id());
    Candidate c = new Candidate(target.id(), target.name(), cap, a.vcpus(), a.memoryMib());
    if (!placement.fits(c, vm.spec().vcpus(), vm.spec().memoryMib())) {
      throw new InventoryException(
          Kind.NO_CAPACITY,
          "host '"
              + target.name()
              + "' has no room for VM '"
              + vm.name()
              + "' ("
              + vm.spec().vcpus()
              + " vCPUs, "
              + vm.spec().memoryMib()
              + " MiB): "
              + a.vcpus()
              + " vCPUs and "
              + a.memoryMib()
              + " of "
              + cap.memoryMib()
              + " MiB are allocated");
    }
  }

  private void requireUp(HostRecord host, String role) {
    if (!live.up(host.id())) {
      throw new InventoryException(
          Kind.HOST_UNAVAILABLE, role + " host '" + host.name() + "' is down");
    }
  }
}
