package org.vimana.node.command;

import java.util.Objects;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.vm.VmAction;
import org.vimana.core.vm.VmStatus;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.VmActionRequest;
import org.vimana.rpc.mapping.WireMapper;

/** Runs a lifecycle action on one VM. */
final class VmActionHandler implements CommandHandler {
  private final Hypervisor hypervisor;

  VmActionHandler(Hypervisor hypervisor) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
  }

  @Override
  public void handle(Command command, CommandResult.Builder result) throws HypervisorException {
    VmStatus vm = run(command);
    if (vm != null) {
      result.setVm(WireMapper.toWire(vm));
    }
  }

  private VmStatus run(Command command) throws HypervisorException {
    VmActionRequest r = command.getAction();
    String id = r.getVmId();
    if (id.isEmpty()) {
      throw new IllegalArgumentException("action: vm_id is required");
    }
    VmAction action = WireMapper.fromWire(r.getAction());
    switch (action) {
      case START -> hypervisor.start(id);
      case SHUTDOWN -> hypervisor.shutdown(id);
      case REBOOT -> hypervisor.reboot(id);
      case FORCE_STOP -> hypervisor.destroy(id);
      case SUSPEND -> hypervisor.suspend(id);
      case RESUME -> hypervisor.resume(id);
      case DELETE -> {
        delete(id);
        return null;
      }
      case MIGRATE -> throw new IllegalArgumentException("migration is not a plain action");
    }
    return hypervisor.find(id).orElse(null);
  }

  /** The manager only deletes a running VM when forced; the node powers it off first. */
  private void delete(String id) throws HypervisorException {
    VmStatus vm =
        hypervisor
            .find(id)
            .orElseThrow(
                () ->
                    new HypervisorException(
                        HypervisorException.Reason.NOT_FOUND, "no VM " + id + " on this host"));
    if (vm.state().consumesResources()) {
      hypervisor.destroy(id);
    }
    hypervisor.undefine(id);
  }
}
