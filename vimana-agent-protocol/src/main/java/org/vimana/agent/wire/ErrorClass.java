package org.vimana.agent.wire;

/**
 * Error classes used on the wire. The first two are QEMU's; the others are Vimana's, chosen so a
 * client can tell a policy refusal from a missing command or a malformed call (qemu-ga answers
 * "CommandNotFound" for a disabled command and "GenericError" for bad arguments).
 */
public final class ErrorClass {
  /** The command failed while running. */
  public static final String GENERIC = "GenericError";

  /** No command of that name exists. */
  public static final String COMMAND_NOT_FOUND = "CommandNotFound";

  /** The command exists but the guest's policy (agent.conf allow/block-rpcs) forbids it. */
  public static final String COMMAND_DISABLED = "CommandDisabled";

  /** Missing, unexpected or wrongly typed arguments. */
  public static final String INVALID_PARAMETER = "InvalidParameter";

  /** The bytes received were not a well-formed request (garbage, too long, truncated JSON). */
  public static final String PROTOCOL = "ProtocolError";

  /** The agent's bounded request queue is full; retry later. */
  public static final String BUSY = "AgentBusy";

  private ErrorClass() {}
}
