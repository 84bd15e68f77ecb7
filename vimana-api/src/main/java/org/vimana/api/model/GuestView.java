package org.vimana.api.model;

import java.util.List;

/**
 * What a VM's guest agent reports from inside the guest, compact: the figures an operator reads
 * first. Every field may be null: a stock qemu-guest-agent tells only OS and host name, and a
 * Vimana agent's status figures arrive with its first pushed status.
 *
 * @param agentKind "vimana" or "qemu-ga"
 * @param takenAtMs when the agent took the status figures (guest clock, epoch ms)
 * @param cpuPercent CPU use of all the guest's CPUs (0..100)
 * @param memoryUsedBytes total minus available, as the guest's /proc/meminfo says
 * @param processCount processes (tasks) in the guest
 * @param topProcessCount how many top processes the agent's status carries
 */
public record GuestView(
    String agentKind,
    String agentVersion,
    String os,
    String kernel,
    String hostName,
    Long takenAtMs,
    Long uptimeSeconds,
    Integer cpuCount,
    Double cpuPercent,
    Long memoryTotalBytes,
    Long memoryUsedBytes,
    Long memoryAvailableBytes,
    Double load1,
    Double load5,
    Double load15,
    Long processCount,
    Integer topProcessCount,
    List<Filesystem> filesystems) {

  /** One mounted filesystem's space. */
  public record Filesystem(String mountpoint, String type, long totalBytes, long usedBytes) {}
}
