package org.vimana.node.agent;

import java.time.Duration;
import java.time.Instant;
import org.vimana.agent.json.JsonObject;
import org.vimana.rpc.AgentStatusMsg;

/**
 * What the manager is told about one VM's agent.
 *
 * @param vmId the VM
 * @param readiness where its agent stands
 * @param readyAfter from the VM's start to its agent's first answer; null until then
 * @param guestView the compact guest view ({@link GuestViews}); null before the agent told it
 * @param at when this was observed
 */
public record AgentStatus(
    String vmId, Readiness readiness, Duration readyAfter, JsonObject guestView, Instant at) {

  public AgentStatusMsg toWire() {
    return AgentStatusMsg.newBuilder()
        .setVmId(vmId)
        .setReadiness(readiness.toWire())
        .setReadyAfterMs(readyAfter == null ? -1 : readyAfter.toMillis())
        .setGuestViewJson(guestView == null ? "" : guestView.toJson())
        .setAtMs(at.toEpochMilli())
        .build();
  }
}
