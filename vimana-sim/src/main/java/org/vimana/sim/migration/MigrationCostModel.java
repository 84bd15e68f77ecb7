package org.vimana.sim.migration;

import java.time.Duration;

/**
 * Iterative pre-copy live migration, as QEMU does it. Round 1 sends all {@code M} MiB of memory at
 * {@code B} MiB/s, taking {@code t1 = M / B}; meanwhile the guest dirties {@code d * M} MiB per
 * second (d = dirty rate, a fraction of memory per second), so round {@code i+1} resends {@code r_i
 * = min(M, d * M * t_i)} MiB in {@code t_{i+1} = r_i / B}. As soon as the remaining dirty set can
 * be sent within the maximum downtime ({@code r_i / B <= maxDowntime}), the guest is paused and the
 * rest sent (stop-and-copy); the pause is the downtime. If that never happens within {@code
 * maxRounds} rounds (the guest dirties memory about as fast as the link sends it, {@code d * M >=
 * B}), the stop-and-copy is forced and the downtime exceeds the maximum.
 *
 * @param bandwidthMibPerSecond link bandwidth for the copy, positive
 * @param dirtyRatePerSecond fraction of the guest's memory it dirties per second, 0..1
 * @param maxDowntime the longest pause allowed at switch-over, positive
 * @param maxRounds live rounds before the stop-and-copy is forced, at least 1
 */
public record MigrationCostModel(
    double bandwidthMibPerSecond, double dirtyRatePerSecond, Duration maxDowntime, int maxRounds) {

  /** Round limit used by the three-argument constructor (QEMU's auto-converge kicks in earlier). */
  public static final int DEFAULT_MAX_ROUNDS = 30;

  public MigrationCostModel {
    if (!(bandwidthMibPerSecond > 0) || Double.isInfinite(bandwidthMibPerSecond)) {
      throw new IllegalArgumentException(
          "bandwidthMibPerSecond must be positive, got " + bandwidthMibPerSecond);
    }
    if (!(dirtyRatePerSecond >= 0 && dirtyRatePerSecond <= 1)) {
      throw new IllegalArgumentException(
          "dirtyRatePerSecond must be between 0 and 1, got " + dirtyRatePerSecond);
    }
    if (maxDowntime == null || maxDowntime.isNegative() || maxDowntime.isZero()) {
      throw new IllegalArgumentException("maxDowntime must be positive, got " + maxDowntime);
    }
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds must be at least 1, got " + maxRounds);
    }
  }

  public MigrationCostModel(
      double bandwidthMibPerSecond, double dirtyRatePerSecond, Duration maxDowntime) {
    this(bandwidthMibPerSecond, dirtyRatePerSecond, maxDowntime, DEFAULT_MAX_ROUNDS);
  }

  /** The cost of migrating a guest with {@code memoryMib} MiB of memory. */
  public MigrationEstimate estimate(long memoryMib) {
    if (memoryMib <= 0) {
      throw new IllegalArgumentException("memoryMib must be positive, got " + memoryMib);
    }
    double memory = memoryMib;
    double maxDowntimeSeconds = maxDowntime.toNanos() / 1e9;
    double dirtyMibPerSecond = dirtyRatePerSecond * memory;
    double toSend = memory;
    double seconds = 0;
    double transferred = 0;
    int rounds = 0;
    while (true) {
      double roundSeconds = toSend / bandwidthMibPerSecond;
      seconds += roundSeconds;
      transferred += toSend;
      rounds++;
      double dirty = Math.min(memory, dirtyMibPerSecond * roundSeconds);
      double stopSeconds = dirty / bandwidthMibPerSecond;
      boolean fits = stopSeconds <= maxDowntimeSeconds;
      if (fits || rounds >= maxRounds) {
        return new MigrationEstimate(
            seconds(seconds + stopSeconds),
            seconds(stopSeconds),
            transferred + dirty,
            rounds,
            fits);
      }
      toSend = dirty;
    }
  }

  private static Duration seconds(double s) {
    return Duration.ofNanos(Math.round(s * 1e9));
  }
}
