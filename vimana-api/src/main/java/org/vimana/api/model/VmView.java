package org.vimana.api.model;

import java.time.Instant;
import java.util.List;
import org.vimana.core.workload.Workload;

/**
 * A VM as the API shows it.
 *
 * @param state lower-case {@link org.vimana.core.vm.VmState} name ("running", "unknown", ...)
 * @param template the template it was created from, or null
 * @param cpuPercent latest CPU use of its vCPUs (0..100), null when not running or not sampled yet
 * @param memoryUsedMib latest memory use, null when not running or not sampled yet
 * @param agentReadiness its guest agent's readiness ({@link AgentView#readiness()}), null when the
 *     manager does not say
 */
public record VmView(
    String id,
    String name,
    String state,
    String hostId,
    String hostName,
    int vcpus,
    long memoryMib,
    long diskGib,
    String template,
    String image,
    Workload workload,
    List<String> tags,
    Double cpuPercent,
    Long memoryUsedMib,
    long bootCount,
    Instant createdAt,
    Instant updatedAt,
    String agentReadiness) {}
