package org.vimana.manager.inventory;

/** A guest agent command that the agent (or the way to it) refused or failed. */
public final class AgentCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why, in the words the API's error codes use. */
  public enum Kind {
    UNREACHABLE,
    TIMEOUT,
    BLOCKED,
    UNKNOWN_COMMAND,
    BAD_ARGUMENTS,
    UNAVAILABLE,
    FAILED,
    PROTOCOL
  }

  private final Kind kind;

  public AgentCallException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
