package org.vimana.node.link;

import java.time.Duration;
import java.util.Objects;

/**
 * Capped exponential backoff between connection attempts: the first delay, then twice the previous
 * one, never more than {@link #MAX}. Not thread-safe; the link calls it under its lock.
 */
final class Backoff {
  static final Duration MAX = Duration.ofSeconds(10);

  private final Duration first;
  private Duration next;

  Backoff(Duration first) {
    Objects.requireNonNull(first, "first");
    if (first.isNegative() || first.isZero()) {
      throw new IllegalArgumentException("the first backoff delay must be positive, got " + first);
    }
    this.first = first.compareTo(MAX) > 0 ? MAX : first;
    this.next = this.first;
  }

  /** The delay before the next attempt; each call doubles the one after, up to {@link #MAX}. */
  Duration next() {
    Duration d = next;
    Duration doubled = d.multipliedBy(2);
    next = doubled.compareTo(MAX) > 0 ? MAX : doubled;
    return d;
  }

  /**
   * {@code delay} spread by up to 20 % either way, {@code random} in [0, 1) choosing where, so that
   * a thousand nodes that lost the same manager do not all dial it in the same millisecond.
   */
  static Duration spread(Duration delay, double random) {
    return Duration.ofNanos((long) (delay.toNanos() * (0.8 + 0.4 * random)));
  }

  /** Back to the first delay, after a connection succeeded. */
  void reset() {
    next = first;
  }
}
