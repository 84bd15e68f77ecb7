package org.vimana.api.model;

import java.time.Instant;

/**
 * A VM's guest agent as its host's node sees it.
 *
 * @param readiness "no_channel" (no agent channel, or the VM does not run), "waiting" (channel
 *     present, the agent has not answered since the VM started), "ready", "unresponsive" (it
 *     answered, then stopped), or "unknown" (the VM's host is down)
 * @param readyAfterMs from the VM's start (boot, reboot, or arrival by migration) to its agent's
 *     first answer; null until it answered
 * @param updatedAt when the node last reported on this agent; null when it never did
 * @param guest the guest's own view; null until the agent told it
 */
public record AgentView(
    String vmId,
    String vmName,
    String hostName,
    String readiness,
    Long readyAfterMs,
    Instant updatedAt,
    GuestView guest) {}
