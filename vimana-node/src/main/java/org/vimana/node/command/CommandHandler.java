package org.vimana.node.command;

import org.vimana.core.driver.HypervisorException;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;

/** Runs one kind of command on the hypervisor. */
interface CommandHandler {
  /**
   * Runs {@code command} and fills in what its result carries besides success (the VM after the
   * command, a migration URI or figures); a failure is thrown.
   */
  void handle(Command command, CommandResult.Builder result) throws HypervisorException;
}
