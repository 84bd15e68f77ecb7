package org.vimana.api.model;

import java.time.Instant;

/**
 * A host as the API shows it: identity, capacity, what is allocated on it and its latest figures.
 *
 * @param state "up" or "down"
 * @param cpuPercent latest host CPU use (0..100), null before the first sample
 * @param memoryUsedMib latest memory use, null before the first sample
 * @param lastSeen last heartbeat or message from the host's node
 */
public record HostView(
    String id,
    String name,
    String state,
    boolean maintenance,
    String driver,
    String hypervisor,
    String cpuModel,
    int cpuCores,
    int cpuMhz,
    long memoryMib,
    long diskGib,
    int vmCount,
    int runningVms,
    int allocatedVcpus,
    long allocatedMemoryMib,
    Double cpuPercent,
    Long memoryUsedMib,
    Instant lastSeen) {}
