package org.vimana.node.command;

import java.util.Objects;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.vm.VmStatus;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.mapping.WireMapper;

/** Target side of a migration: readies this host for the VM and answers with its URI. */
final class PrepareIncomingHandler implements CommandHandler {
  private final Hypervisor hypervisor;

  PrepareIncomingHandler(Hypervisor hypervisor) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
  }

  @Override
  public void handle(Command command, CommandResult.Builder result) throws HypervisorException {
    if (!command.getPrepareIncoming().hasVm()) {
      throw new IllegalArgumentException("prepare_incoming: vm is required");
    }
    VmStatus vm = WireMapper.fromWire(command.getPrepareIncoming().getVm());
    MigrationHandlers.requireVmId(vm.id(), "prepare_incoming");
    result.setTargetUri(MigrationHandlers.migrator(hypervisor).prepareIncoming(vm));
  }
}
