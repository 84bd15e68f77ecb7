package org.vimana.node.telemetry;

import java.time.Duration;

/**
 * How often a connection sends heartbeats and stats, as the manager's Welcome asks, kept within
 * sane bounds so a missing or absurd value from the manager cannot flood it or silence the node.
 *
 * @param heartbeat between two heartbeats
 * @param stats between two stats samples
 */
public record Intervals(Duration heartbeat, Duration stats) {
  /** Used when the manager sends no (or a non-positive) heartbeat interval. */
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);

  /** Used when the manager sends no (or a non-positive) stats interval. */
  public static final Duration DEFAULT_STATS = Duration.ofSeconds(10);

  static final Duration MIN = Duration.ofMillis(20);
  static final Duration MAX = Duration.ofMinutes(10);

  public Intervals {
    heartbeat = bounded(heartbeat, DEFAULT_HEARTBEAT);
    stats = bounded(stats, DEFAULT_STATS);
  }

  /** The intervals of a Welcome, in milliseconds as they travel. */
  public static Intervals ofMillis(long heartbeatMs, long statsMs) {
    return new Intervals(Duration.ofMillis(heartbeatMs), Duration.ofMillis(statsMs));
  }

  private static Duration bounded(Duration d, Duration fallback) {
    if (d == null || d.isNegative() || d.isZero()) {
      return fallback;
    }
    if (d.compareTo(MIN) < 0) {
      return MIN;
    }
    return d.compareTo(MAX) > 0 ? MAX : d;
  }
}
