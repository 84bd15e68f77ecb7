package org.vimana.manager.node;

import java.time.Instant;
import org.vimana.core.stats.HostStats;

/** Puts hosts up, with figures, into a {@link LiveHosts} without a node link (for unit tests). */
public final class LiveHostsFixture {
  private LiveHostsFixture() {}

  /** Marks {@code hostId} connected and, when {@code stats} is given, reporting them. */
  public static void up(LiveHosts live, String hostId, HostStats stats, Instant now) {
    live.connect(hostId, new NodeSession(hostId, null), now);
    if (stats != null) {
      live.stats(hostId, stats, now);
    }
  }
}
