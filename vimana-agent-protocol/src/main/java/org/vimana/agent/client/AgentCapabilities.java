package org.vimana.agent.client;

import java.util.HashSet;
import java.util.Set;
import org.vimana.agent.ext.VimanaCommands;
import org.vimana.agent.qga.GuestAgentInfo;

/**
 * What the connected agent offers, from its guest-info reply.
 *
 * @param version the agent's version string
 * @param kind Vimana agent or stock qemu-guest-agent
 * @param enabled commands it supports and allows
 * @param disabled commands it supports but its policy blocks
 */
public record AgentCapabilities(
    String version, Kind kind, Set<String> enabled, Set<String> disabled) {

  /** Which agent answered. */
  public enum Kind {
    VIMANA,
    QEMU_GA
  }

  public AgentCapabilities {
    enabled = Set.copyOf(enabled);
    disabled = Set.copyOf(disabled);
  }

  /** Recognises the agent: a Vimana agent lists vimana-status, qemu-ga never does. */
  public static AgentCapabilities of(GuestAgentInfo info) {
    Set<String> on = new HashSet<>();
    Set<String> off = new HashSet<>();
    for (GuestAgentInfo.CommandInfo c : info.supportedCommands()) {
      (c.enabled() ? on : off).add(c.name());
    }
    String status = VimanaCommands.STATUS.name();
    Kind kind = on.contains(status) || off.contains(status) ? Kind.VIMANA : Kind.QEMU_GA;
    return new AgentCapabilities(info.version(), kind, on, off);
  }

  /** Human name for messages: "qemu-guest-agent 7.2.22" or "vimana-guest-agent 0.1.0". */
  public String describe() {
    return (kind == Kind.QEMU_GA ? "qemu-guest-agent " : "vimana-guest-agent ") + version;
  }
}
