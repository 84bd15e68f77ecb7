package org.vimana.node.agent;

import org.vimana.rpc.AgentReadiness;

/** Where a VM's guest agent stands, as this node sees it. */
public enum Readiness {
  /** The VM has no agent channel, or does not run here. */
  NO_CHANNEL,
  /** The channel is there; the agent has not answered yet (the guest is booting). */
  WAITING,
  /** The agent answers. */
  READY,
  /** The agent answered once since the VM started, and stopped answering. */
  UNRESPONSIVE;

  public AgentReadiness toWire() {
    return switch (this) {
      case NO_CHANNEL -> AgentReadiness.AGENT_NO_CHANNEL;
      case WAITING -> AgentReadiness.AGENT_WAITING;
      case READY -> AgentReadiness.AGENT_READY;
      case UNRESPONSIVE -> AgentReadiness.AGENT_UNRESPONSIVE;
    };
  }
}
