package org.vimana.agent.qga;

import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** guest-get-host-name. */
public record GuestHostName(String hostName) {
  public JsonObject toJson() {
    return JsonObject.builder().put("host-name", hostName).build();
  }

  public static GuestHostName fromJson(JsonValue v) {
    return new GuestHostName(Expect.object(v, "return").str("host-name"));
  }
}
