package org.vimana.node.command;

import java.util.Objects;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.mapping.WireMapper;

/** Cancels the outgoing migration of a VM; the VM keeps running here. */
final class CancelMigrationHandler implements CommandHandler {
  private final Hypervisor hypervisor;

  CancelMigrationHandler(Hypervisor hypervisor) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
  }

  @Override
  public void handle(Command command, CommandResult.Builder result) throws HypervisorException {
    String id =
        MigrationHandlers.requireVmId(command.getCancelMigration().getVmId(), "cancel_migration");
    MigrationHandlers.migrator(hypervisor).cancel(id);
    hypervisor.find(id).ifPresent(vm -> result.setVm(WireMapper.toWire(vm)));
  }
}
