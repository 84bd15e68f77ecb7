package org.vimana.core.driver;

/**
 * How to migrate.
 *
 * @param maxDowntimeMillis longest pause the guest may see at switch-over
 * @param bandwidthMibPerSecond cap on transfer bandwidth, 0 for no cap
 */
public record MigrationOptions(long maxDowntimeMillis, long bandwidthMibPerSecond) {
  public MigrationOptions {
    if (maxDowntimeMillis <= 0) {
      throw new IllegalArgumentException(
          "maxDowntimeMillis must be positive, got " + maxDowntimeMillis);
    }
    if (bandwidthMibPerSecond < 0) {
      throw new IllegalArgumentException(
          "bandwidthMibPerSecond must not be negative, got " + bandwidthMibPerSecond);
    }
  }

  public static MigrationOptions defaults() {
    return new MigrationOptions(300, 0);
  }
}
