package org.vimana.manager.node;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.vimana.rpc.AgentReadiness;
import org.vimana.rpc.AgentStatusMsg;

/**
 * The latest word of each host on each VM's guest agent, in memory (as {@link LiveHosts} keeps
 * stats). Kept per host: during a migration the source and the target both report on the VM, and
 * the view shows the report of the host the inventory has the VM on. A host's "no channel" report
 * removes its entry.
 */
public final class AgentStatuses {
  /** One host's latest report on one VM's agent. */
  public record AgentLive(
      String hostId,
      AgentReadiness readiness,
      Long readyAfterMs,
      String guestViewJson,
      Instant at) {}

  private final Map<String, Map<String, AgentLive>> byVm = new ConcurrentHashMap<>();

  /** What {@code hostId} last said about the agent of {@code vmId}. */
  public Optional<AgentLive> get(String vmId, String hostId) {
    Map<String, AgentLive> hosts = byVm.get(vmId);
    return hosts == null ? Optional.empty() : Optional.ofNullable(hosts.get(hostId));
  }

  void report(String hostId, AgentStatusMsg m) {
    if (m.getVmId().isEmpty()) {
      throw new IllegalArgumentException("agent status without vm_id");
    }
    if (m.getReadiness() == AgentReadiness.AGENT_NO_CHANNEL
        || m.getReadiness() == AgentReadiness.AGENT_READINESS_UNSPECIFIED
        || m.getReadiness() == AgentReadiness.UNRECOGNIZED) {
      byVm.computeIfPresent(
          m.getVmId(),
          (k, hosts) -> {
            hosts.remove(hostId);
            return hosts.isEmpty() ? null : hosts;
          });
      return;
    }
    AgentLive live =
        new AgentLive(
            hostId,
            m.getReadiness(),
            m.getReadyAfterMs() < 0 ? null : m.getReadyAfterMs(),
            m.getGuestViewJson().isEmpty() ? null : m.getGuestViewJson(),
            Instant.ofEpochMilli(m.getAtMs()));
    byVm.computeIfAbsent(m.getVmId(), k -> new ConcurrentHashMap<>()).put(hostId, live);
  }

  /** A host went down or reconnected: what it said before no longer holds. */
  void forgetHost(String hostId) {
    byVm.values().forEach(hosts -> hosts.remove(hostId));
    byVm.values().removeIf(Map::isEmpty);
  }
}
