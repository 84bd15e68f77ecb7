package org.vimana.core.driver;

/**
 * How far a running migration is, as the source's hypervisor reports it.
 *
 * @param elapsedMillis since the migration started
 * @param totalMib memory to transfer as currently known (grows when pages are dirtied again)
 * @param processedMib memory sent so far
 * @param remainingMib memory still to send
 */
public record MigrationProgress(
    long elapsedMillis, long totalMib, long processedMib, long remainingMib) {

  /** Percentage done, 0-100, from the memory sent against the memory known. */
  public int percent() {
    if (totalMib <= 0) {
      return 0;
    }
    long done = Math.max(0, totalMib - remainingMib);
    return (int) Math.min(100, done * 100 / totalMib);
  }
}
