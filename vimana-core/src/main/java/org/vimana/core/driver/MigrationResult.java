package org.vimana.core.driver;

/**
 * How a finished migration went.
 *
 * @param totalMillis from start to the VM running on the target
 * @param downtimeMillis how long the guest was paused at switch-over
 * @param transferredMib memory sent, including re-sent dirty pages
 */
public record MigrationResult(long totalMillis, long downtimeMillis, long transferredMib) {}
