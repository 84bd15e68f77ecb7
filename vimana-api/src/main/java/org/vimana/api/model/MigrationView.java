package org.vimana.api.model;

import java.time.Instant;

/**
 * A live migration as the API shows it.
 *
 * @param state lower-case {@link org.vimana.core.vm.MigrationState} name
 * @param totalMs from start to the VM running on the target, once succeeded
 * @param downtimeMs how long the guest was paused at switch-over, once succeeded
 * @param progressPercent memory sent against memory known while it runs, else null
 * @param message how it ended, or why it failed
 */
public record MigrationView(
    String id,
    String vmId,
    String vmName,
    String source,
    String target,
    String state,
    long maxDowntimeMs,
    long bandwidthMibPerSecond,
    Instant requestedAt,
    Instant endedAt,
    Long totalMs,
    Long downtimeMs,
    Long transferredMib,
    Integer progressPercent,
    String message) {}
