package org.vimana.manager.store;

import java.time.Instant;
import org.vimana.core.vm.MigrationState;

/**
 * One live migration as stored.
 *
 * @param totalMillis from the source starting to send to the VM running on the target (null until
 *     it succeeded)
 * @param downtimeMillis how long the guest was paused at switch-over (null until it succeeded)
 * @param message why it failed, or how it ended
 */
public record MigrationRecord(
    String id,
    String vmId,
    String vmName,
    String sourceHostId,
    String targetHostId,
    MigrationState state,
    long maxDowntimeMillis,
    long bandwidthMibPerSecond,
    Instant requestedAt,
    Instant endedAt,
    Long totalMillis,
    Long downtimeMillis,
    Long transferredMib,
    String message) {

  /** This migration, ended in {@code state} at {@code at}. */
  public MigrationRecord ended(
      MigrationState state,
      Instant at,
      Long totalMillis,
      Long downtimeMillis,
      Long transferredMib,
      String message) {
    return new MigrationRecord(
        id,
        vmId,
        vmName,
        sourceHostId,
        targetHostId,
        state,
        maxDowntimeMillis,
        bandwidthMibPerSecond,
        requestedAt,
        at,
        totalMillis,
        downtimeMillis,
        transferredMib,
        message);
  }

  public MigrationRecord withState(MigrationState next, String why) {
    return new MigrationRecord(
        id,
        vmId,
        vmName,
        sourceHostId,
        targetHostId,
        next,
        maxDowntimeMillis,
        bandwidthMibPerSecond,
        requestedAt,
        endedAt,
        totalMillis,
        downtimeMillis,
        transferredMib,
        why);
  }
}
