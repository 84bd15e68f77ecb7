package org.vimana.manager.node;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declares hosts down that went silent: connected ones whose heartbeats stopped (a partition keeps
 * the stream open), and ones known from the inventory that never reconnected after this manager
 * started.
 */
public final class LivenessMonitor implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(LivenessMonitor.class);

  private final LiveHosts live;
  private final NodeReports reports;
  private final Clock clock;
  private final Duration timeout;

  public LivenessMonitor(LiveHosts live, NodeReports reports, Clock clock, Duration timeout) {
    this.live = live;
    this.reports = reports;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** Known hosts start silent; each gets {@code timeout} from {@code since} to reconnect. */
  public void expect(String hostId, Instant since) {
    live.known(hostId, since);
  }

  @Override
  public void run() {
    Instant now = clock.instant();
    for (HostLive h : live.all().values()) {
      if (h.downRecorded() || h.lastSeen().plus(timeout).isAfter(now)) {
        continue;
      }
      if (h.session() != null) {
        h.session().fail(new IllegalStateException("heartbeats stopped"));
        h.session().end(io.grpc.Status.UNAVAILABLE.withDescription("heartbeat timeout"));
      }
      if (live.down(h.hostId(), h.session())) {
        log.warn("host {} silent for over {}: down", h.hostId(), timeout);
        reports.hostDown(h.hostId(), "no heartbeat for over " + timeout.toSeconds() + " s");
      }
    }
  }
}
