package org.vimana.node.command;

import org.vimana.core.driver.HypervisorException;
import org.vimana.core.vm.VmStatus;
import org.vimana.rpc.Command;

/** Runs one kind of command on the hypervisor. */
interface CommandHandler {
  /** The VM the command concerns, after it ran (or null when it no longer exists). */
  VmStatus handle(Command command) throws HypervisorException;
}
