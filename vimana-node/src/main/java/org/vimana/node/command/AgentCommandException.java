package org.vimana.node.command;

import org.vimana.rpc.AgentErrorKind;

/** An agent command the agent refused or failed; the result carries its kind. */
final class AgentCommandException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final AgentErrorKind kind;

  AgentCommandException(AgentErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  AgentErrorKind kind() {
    return kind;
  }
}
