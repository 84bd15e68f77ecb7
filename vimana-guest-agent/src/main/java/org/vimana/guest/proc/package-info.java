/**
 * Collectors that read the guest's /proc, /sys and /etc directly (no shelling out for metrics).
 * Every collector takes a {@link org.vimana.guest.proc.SystemRoot} so tests run them against fake
 * trees under src/test/resources; parsing is separated from reading so malformed files fail with
 * the file and line named.
 */
package org.vimana.guest.proc;
