package org.vimana.manager.inventory;

import java.time.Duration;
import java.util.regex.Pattern;
import org.vimana.manager.inventory.InventoryException.Kind;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.VmRecord;
import org.vimana.rpc.AgentCommand;
import org.vimana.rpc.AgentErrorKind;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;

/** Runs guest agent commands through the node of the VM's host. */
public final class AgentService {
  /** A QEMU guest agent command or a Vimana extension; nothing else reaches a guest. */
  private static final Pattern COMMAND = Pattern.compile("(guest|vimana)-[a-z0-9-]{1,64}");

  public static final long DEFAULT_TIMEOUT_MS = 10_000;
  public static final long MAX_TIMEOUT_MS = 120_000;

  /** How much longer than the agent's own timeout the manager waits for the node. */
  private static final Duration NODE_GRACE = Duration.ofSeconds(10);

  private final VmService vms;

  public AgentService(VmService vms) {
    this.vms = vms;
  }

  /**
   * Runs {@code command} with {@code argumentsJson} (a JSON object's text, "" for none) and answers
   * the agent's reply as JSON text.
   *
   * @throws InventoryException INVALID (bad command or timeout), NOT_FOUND, INVALID_STATE (the VM
   *     does not run), HOST_UNAVAILABLE
   * @throws AgentCallException the agent refused or failed, with the cause's kind
   */
  public String execute(String idOrName, String command, String argumentsJson, Long timeoutMs) {
    if (command == null || command.isBlank()) {
      throw new InventoryException(Kind.INVALID, "command is required, e.g. \"guest-ping\"");
    }
    if (!COMMAND.matcher(command).matches()) {
      throw new InventoryException(
          Kind.INVALID,
          "command '" + command + "' is not an agent command (guest-* or vimana-*, lower case)");
    }
    long timeout = timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs;
    if (timeout < 1 || timeout > MAX_TIMEOUT_MS) {
      throw new InventoryException(
          Kind.INVALID, "timeoutMs must be 1.." + MAX_TIMEOUT_MS + ", got " + timeout);
    }
    VmRecord vm = vms.get(idOrName);
    if (!vm.state().consumesResources()) {
      throw new InventoryException(
          Kind.INVALID_STATE,
          "VM '"
              + vm.name()
              + "' is "
              + vm.state().wireName()
              + ": its agent runs only while it runs");
    }
    HostRecord host = vms.hostOf(vm);
    Command.Builder c =
        Command.newBuilder()
            .setAgent(
                AgentCommand.newBuilder()
                    .setVmId(vm.id())
                    .setCommand(command)
                    .setArgumentsJson(argumentsJson == null ? "" : argumentsJson)
                    .setTimeoutMs(timeout));
    CommandResult r = vms.call(host, c, Duration.ofMillis(timeout).plus(NODE_GRACE));
    if (r.getOk()) {
      return r.getAgentResultJson().isEmpty() ? "{}" : r.getAgentResultJson();
    }
    if (r.getAgentError() != AgentErrorKind.AGENT_ERROR_NONE) {
      throw new AgentCallException(kind(r.getAgentError()), r.getMessage());
    }
    throw NodeErrors.toException(r, "run " + command + " in VM '" + vm.name() + "'");
  }

  private static AgentCallException.Kind kind(AgentErrorKind k) {
    return switch (k) {
      case AGENT_ERROR_UNREACHABLE -> AgentCallException.Kind.UNREACHABLE;
      case AGENT_ERROR_TIMEOUT -> AgentCallException.Kind.TIMEOUT;
      case AGENT_ERROR_BLOCKED -> AgentCallException.Kind.BLOCKED;
      case AGENT_ERROR_UNKNOWN_COMMAND -> AgentCallException.Kind.UNKNOWN_COMMAND;
      case AGENT_ERROR_BAD_ARGUMENTS -> AgentCallException.Kind.BAD_ARGUMENTS;
      case AGENT_ERROR_UNAVAILABLE -> AgentCallException.Kind.UNAVAILABLE;
      case AGENT_ERROR_PROTOCOL -> AgentCallException.Kind.PROTOCOL;
      case AGENT_ERROR_FAILED, AGENT_ERROR_NONE, UNRECOGNIZED -> AgentCallException.Kind.FAILED;
    };
  }
}
