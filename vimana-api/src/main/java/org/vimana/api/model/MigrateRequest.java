package org.vimana.api.model;

/**
 * Body of {@code POST /api/v1/vms/{id}/migrate}.
 *
 * @param to the target host's name or id
 * @param maxDowntimeMs longest pause the guest may see at switch-over (default 300)
 * @param bandwidthMibPerSecond transfer cap, 0 or null for none
 * @param timeoutSeconds the migration is cancelled when it has not finished by then (default 300)
 */
public record MigrateRequest(
    String to, Long maxDowntimeMs, Long bandwidthMibPerSecond, Long timeoutSeconds) {}
