package org.vimana.manager.node;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.vimana.core.stats.HostStats;

/** The live state of every host this manager has heard of since it started. */
public final class LiveHosts {
  private final Map<String, HostLive> hosts = new ConcurrentHashMap<>();
  private final AgentStatuses agents = new AgentStatuses();

  /** What the hosts last said about their VMs' guest agents. */
  public AgentStatuses agents() {
    return agents;
  }

  public Optional<HostLive> get(String hostId) {
    return Optional.ofNullable(hosts.get(hostId));
  }

  public boolean up(String hostId) {
    HostLive h = hosts.get(hostId);
    return h != null && h.up();
  }

  public Map<String, HostLive> all() {
    return Map.copyOf(hosts);
  }

  /** Records a new session; returns the session it replaces, if any. */
  NodeSession connect(String hostId, NodeSession session, Instant now) {
    agents.forgetHost(hostId); // the new connection reports its agents afresh
    HostLive old = hosts.put(hostId, HostLive.connected(hostId, session, now));
    return old == null ? null : old.session();
  }

  void seen(String hostId, Instant now) {
    update(hostId, h -> h.seen(now));
  }

  void stats(String hostId, HostStats s, Instant now) {
    update(hostId, h -> h.withStats(s, now));
  }

  /**
   * Marks the host down if {@code session} is still its session (a newer connection wins).
   *
   * @return true when this call took the host down
   */
  boolean down(String hostId, NodeSession session) {
    boolean[] changed = {false};
    hosts.computeIfPresent(
        hostId,
        (k, h) -> {
          if (h.session() == session && !h.downRecorded()) {
            changed[0] = true;
            agents.forgetHost(hostId);
            return h.down();
          }
          return h;
        });
    return changed[0];
  }

  /** Registers a host known from the inventory but not (yet) connected since start. */
  void known(String hostId, Instant since) {
    hosts.putIfAbsent(hostId, new HostLive(hostId, null, since, null, Map.of(), false));
  }

  private void update(String hostId, UnaryOperator<HostLive> f) {
    hosts.computeIfPresent(hostId, (k, h) -> f.apply(h));
  }
}
