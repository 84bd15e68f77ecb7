package org.vimana.sim.migration;

import java.time.Duration;

/**
 * What a pre-copy migration costs, as {@link MigrationCostModel#estimate} computes it.
 *
 * @param total from start until the VM runs on the target (all rounds plus the stop-and-copy)
 * @param downtime the stop-and-copy: how long the guest is paused at switch-over
 * @param transferredMib memory sent, including pages sent again because they were dirtied
 * @param rounds live copy rounds before the stop-and-copy (the first round sends all memory)
 * @param converged false if the round limit forced the stop-and-copy, so downtime may exceed the
 *     maximum
 */
public record MigrationEstimate(
    Duration total, Duration downtime, double transferredMib, int rounds, boolean converged) {

  /** {@link #total} in whole milliseconds, rounded up. */
  public long totalMillis() {
    return ceilMillis(total);
  }

  /** {@link #downtime} in whole milliseconds, rounded up. */
  public long downtimeMillis() {
    return ceilMillis(downtime);
  }

  private static long ceilMillis(Duration d) {
    long ms = d.toMillis();
    return d.minusMillis(ms).isZero() ? ms : ms + 1;
  }
}
