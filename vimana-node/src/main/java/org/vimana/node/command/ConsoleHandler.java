package org.vimana.node.command;

import java.util.Objects;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;

/** Reads the tail of a VM's console log, at most {@link #MAX_BYTES}. */
final class ConsoleHandler implements CommandHandler {
  /** Keeps one answer well under gRPC's 4 MiB message limit. */
  static final int MAX_BYTES = 1 << 20;

  private final Hypervisor hypervisor;

  ConsoleHandler(Hypervisor hypervisor) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
  }

  @Override
  public void handle(Command command, CommandResult.Builder result) throws HypervisorException {
    String id = MigrationHandlers.requireVmId(command.getConsole().getVmId(), "console");
    int max = command.getConsole().getMaxBytes();
    if (max <= 0 || max > MAX_BYTES) {
      throw new IllegalArgumentException(
          "console: max_bytes must be 1.." + MAX_BYTES + ", got " + max);
    }
    result.setConsole(hypervisor.consoleLog(id, max));
  }
}
