package org.vimana.core.stats;

/**
 * A VM's utilisation at one moment.
 *
 * @param vmId cluster-wide id
 * @param cpuPercent CPU use as a percentage of the VM's vCPUs (0..100)
 * @param memoryUsedMib memory the guest uses
 * @param netRxBytes cumulative bytes received
 * @param netTxBytes cumulative bytes sent
 * @param diskReadBytes cumulative bytes read
 * @param diskWriteBytes cumulative bytes written
 */
public record VmStats(
    String vmId,
    double cpuPercent,
    long memoryUsedMib,
    long netRxBytes,
    long netTxBytes,
    long diskReadBytes,
    long diskWriteBytes) {}
