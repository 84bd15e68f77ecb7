package org.vimana.node.command;

import java.time.Duration;
import java.util.Objects;
import org.vimana.agent.client.AgentException;
import org.vimana.agent.json.JsonException;
import org.vimana.agent.json.JsonLimits;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonParser;
import org.vimana.agent.json.JsonValue;
import org.vimana.node.agent.AgentRelay;
import org.vimana.node.agent.RelayOptions;
import org.vimana.rpc.AgentCommand;
import org.vimana.rpc.AgentErrorKind;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;

/** Runs a guest agent command over the VM's persistent agent connection. */
final class AgentCommandHandler implements CommandHandler {
  private final AgentRelay agents;

  AgentCommandHandler(AgentRelay agents) {
    this.agents = Objects.requireNonNull(agents);
  }

  @Override
  public void handle(Command command, CommandResult.Builder result) {
    AgentCommand c = command.getAgent();
    String id = MigrationHandlers.requireVmId(c.getVmId(), "agent");
    String name = c.getCommand();
    if (!name.startsWith("guest-") && !name.startsWith("vimana-")) {
      throw new IllegalArgumentException(
          "agent: command must be guest-* or vimana-*, got '" + name + "'");
    }
    Duration timeout = timeout(c.getTimeoutMs());
    JsonObject args = arguments(c.getArgumentsJson());
    try {
      JsonValue answer = agents.execute(id, name, args, timeout);
      result.setAgentResultJson(answer.toJson());
    } catch (AgentException e) {
      throw new AgentCommandException(kind(e.kind()), e.getMessage(), e);
    }
  }

  static Duration timeout(long ms) {
    if (ms == 0) {
      return RelayOptions.DEFAULT.commandTimeout();
    }
    if (ms < 1 || ms > RelayOptions.MAX_COMMAND_TIMEOUT.toMillis()) {
      throw new IllegalArgumentException(
          "agent: timeout_ms must be 1.."
              + RelayOptions.MAX_COMMAND_TIMEOUT.toMillis()
              + ", got "
              + ms);
    }
    return Duration.ofMillis(ms);
  }

  private static JsonObject arguments(String json) {
    if (json.isBlank()) {
      return JsonObject.empty();
    }
    try {
      JsonValue v = JsonParser.parse(json, JsonLimits.DEFAULT);
      if (v instanceof JsonObject o) {
        return o;
      }
      throw new AgentCommandException(
          AgentErrorKind.AGENT_ERROR_BAD_ARGUMENTS,
          "arguments must be a JSON object, got a " + v.typeName(),
          null);
    } catch (JsonException e) {
      throw new AgentCommandException(
          AgentErrorKind.AGENT_ERROR_BAD_ARGUMENTS, "arguments are not JSON: " + e.getMessage(), e);
    }
  }

  static AgentErrorKind kind(AgentException.Kind k) {
    return switch (k) {
      case UNREACHABLE -> AgentErrorKind.AGENT_ERROR_UNREACHABLE;
      case TIMEOUT -> AgentErrorKind.AGENT_ERROR_TIMEOUT;
      case BLOCKED -> AgentErrorKind.AGENT_ERROR_BLOCKED;
      case UNKNOWN_COMMAND -> AgentErrorKind.AGENT_ERROR_UNKNOWN_COMMAND;
      case UNAVAILABLE -> AgentErrorKind.AGENT_ERROR_UNAVAILABLE;
      case BAD_ARGUMENTS -> AgentErrorKind.AGENT_ERROR_BAD_ARGUMENTS;
      case PROTOCOL -> AgentErrorKind.AGENT_ERROR_PROTOCOL;
      case FAILED -> AgentErrorKind.AGENT_ERROR_FAILED;
    };
  }
}
