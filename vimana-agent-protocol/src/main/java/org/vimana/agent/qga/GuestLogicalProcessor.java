package org.vimana.agent.qga;

import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** guest-get-vcpus element. */
public record GuestLogicalProcessor(long logicalId, boolean online, Boolean canOffline) {
  public JsonObject toJson() {
    return JsonObject.builder()
        .put("logical-id", logicalId)
        .put("online", online)
        .putOpt("can-offline", canOffline)
        .build();
  }

  public static GuestLogicalProcessor fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "return[]");
    return new GuestLogicalProcessor(
        o.integer("logical-id"), o.bool("online"), o.optBool("can-offline"));
  }
}
