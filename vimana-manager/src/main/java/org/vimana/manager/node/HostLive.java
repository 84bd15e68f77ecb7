package org.vimana.manager.node;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.vimana.core.stats.HostStats;
import org.vimana.core.stats.VmStats;

/** What the manager knows of a host right now; replaced, never mutated. */
public record HostLive(
    String hostId,
    NodeSession session,
    Instant lastSeen,
    HostStats stats,
    Map<String, VmStats> vmStats,
    boolean downRecorded) {

  static HostLive connected(String hostId, NodeSession session, Instant now) {
    return new HostLive(hostId, session, now, null, Map.of(), false);
  }

  public boolean up() {
    return session != null;
  }

  HostLive seen(Instant now) {
    return new HostLive(hostId, session, now, stats, vmStats, downRecorded);
  }

  HostLive withStats(HostStats s, Instant now) {
    Map<String, VmStats> byVm =
        s.vms().stream().collect(Collectors.toUnmodifiableMap(VmStats::vmId, v -> v, (a, b) -> b));
    return new HostLive(hostId, session, now, s, byVm, downRecorded);
  }

  HostLive down() {
    return new HostLive(hostId, null, lastSeen, null, Map.of(), true);
  }
}
