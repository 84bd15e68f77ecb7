package org.vimana.agent.client;

import org.vimana.agent.wire.ErrorClass;
import org.vimana.agent.wire.Reply;

/** A failed agent call, classified so callers (and operators) can tell the causes apart. */
public final class AgentException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a call failed. */
  public enum Kind {
    /** No connection to the agent: socket missing, refused, or closed during the call. */
    UNREACHABLE,
    /** Connected, but no reply within the timeout. */
    TIMEOUT,
    /** The guest's policy forbids the command (allow/block-rpcs). */
    BLOCKED,
    /** The agent does not know the command. */
    UNKNOWN_COMMAND,
    /** A Vimana extension asked of a stock qemu-guest-agent. */
    UNAVAILABLE,
    /** Missing, unexpected or wrongly typed arguments. */
    BAD_ARGUMENTS,
    /** The agent could not make sense of what it received, or we of its reply. */
    PROTOCOL,
    /** The command ran and failed. */
    FAILED
  }

  private final Kind kind;
  private final String command;

  public AgentException(Kind kind, String command, String message) {
    super(message);
    this.kind = kind;
    this.command = command;
  }

  public AgentException(Kind kind, String command, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.command = command;
  }

  public Kind kind() {
    return kind;
  }

  /** The command that failed, or null for connection-level failures. */
  public String command() {
    return command;
  }

  /**
   * Classifies an error reply. qemu-ga 7.2 answers a disabled command with class CommandNotFound
   * and "Command X has been disabled", and bad arguments with GenericError "Parameter 'x' is
   * missing" / "Invalid parameter type ..."; the Vimana agent uses distinct classes. Both map here.
   */
  public static AgentException fromReply(String command, Reply.Err err) {
    String cls = err.errorClass();
    String desc = err.desc();
    Kind kind;
    if (cls.equals(ErrorClass.COMMAND_DISABLED) || desc.contains("has been disabled")) {
      kind = Kind.BLOCKED;
    } else if (cls.equals(ErrorClass.COMMAND_NOT_FOUND)) {
      kind = Kind.UNKNOWN_COMMAND;
    } else if (cls.equals(ErrorClass.INVALID_PARAMETER)
        || desc.startsWith("Parameter '")
        || desc.startsWith("Invalid parameter")) {
      kind = Kind.BAD_ARGUMENTS;
    } else if (cls.equals(ErrorClass.PROTOCOL)) {
      kind = Kind.PROTOCOL;
    } else {
      kind = Kind.FAILED;
    }
    String prefix =
        switch (kind) {
          case BLOCKED -> command + " is blocked by the guest's agent policy";
          case UNKNOWN_COMMAND -> command + " is not a command of this agent";
          case BAD_ARGUMENTS -> "bad arguments for " + command;
          default -> command + " failed";
        };
    return new AgentException(kind, command, prefix + " (" + cls + ": " + desc + ")");
  }
}
