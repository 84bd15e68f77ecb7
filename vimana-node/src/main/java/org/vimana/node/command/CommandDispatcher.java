package org.vimana.node.command;

import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.node.agent.AgentRelay;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.ErrorKind;
import org.vimana.rpc.NodeMessage;
import org.vimana.rpc.mapping.WireMapper;

/** Routes a command to its handler and turns the outcome, good or bad, into a result. */
public final class CommandDispatcher {
  private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

  private final CommandHandler define;
  private final CommandHandler action;
  private final CommandHandler prepareIncoming;
  private final CommandHandler migrate;
  private final CommandHandler cancelMigration;
  private final CommandHandler snapshot;
  private final CommandHandler console;
  private final CommandHandler agent;

  /** A dispatcher whose migrations report no progress. */
  public CommandDispatcher(Hypervisor hypervisor) {
    this(hypervisor, message -> {});
  }

  /** {@code progress} takes the migration progress messages for the manager. */
  public CommandDispatcher(Hypervisor hypervisor, Consumer<NodeMessage> progress) {
    this(hypervisor, progress, null);
  }

  /** As above, with agent commands going to {@code agents} (null: refused as unsupported). */
  public CommandDispatcher(
      Hypervisor hypervisor, Consumer<NodeMessage> progress, AgentRelay agents) {
    Objects.requireNonNull(hypervisor);
    this.define = new DefineVmHandler(hypervisor);
    this.action = new VmActionHandler(hypervisor);
    this.prepareIncoming = new PrepareIncomingHandler(hypervisor);
    this.migrate = new MigrateHandler(hypervisor, progress);
    this.cancelMigration = new CancelMigrationHandler(hypervisor);
    this.snapshot = new SnapshotHandler(hypervisor);
    this.console = new ConsoleHandler(hypervisor);
    this.agent =
        agents != null
            ? new AgentCommandHandler(agents)
            : (command, result) -> {
              throw new HypervisorException(
                  HypervisorException.Reason.UNSUPPORTED, "this node relays no guest agents");
            };
  }

  public CommandResult run(Command command) {
    CommandResult.Builder result = CommandResult.newBuilder().setRequestId(command.getRequestId());
    try {
      if (command.getRequestId().isEmpty()) {
        throw new IllegalArgumentException("command: request_id is required");
      }
      CommandHandler handler =
          switch (command.getOpCase()) {
            case DEFINE -> define;
            case ACTION -> action;
            case PREPARE_INCOMING -> prepareIncoming;
            case MIGRATE -> migrate;
            case CANCEL_MIGRATION -> cancelMigration;
            case SNAPSHOT -> snapshot;
            case CONSOLE -> console;
            case AGENT -> agent;
            case OP_NOT_SET -> throw new IllegalArgumentException("command carries no operation");
          };
      handler.handle(command, result);
      result.setOk(true);
    } catch (HypervisorException e) {
      result.setOk(false).setError(WireMapper.toWire(e.reason())).setMessage(e.getMessage());
    } catch (AgentCommandException e) {
      result
          .setOk(false)
          .setError(ErrorKind.ERROR_FAILED)
          .setAgentError(e.kind())
          .setMessage(e.getMessage());
    } catch (IllegalArgumentException e) {
      result.setOk(false).setError(ErrorKind.ERROR_BAD_REQUEST).setMessage(e.getMessage());
    } catch (RuntimeException e) {
      log.warn("command {} failed", command.getRequestId(), e);
      result.setOk(false).setError(ErrorKind.ERROR_FAILED).setMessage(String.valueOf(e));
    }
    return result.build();
  }
}
