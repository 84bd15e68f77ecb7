package org.vimana.agent.qga;

import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** guest-get-timezone: zone name (optional) and offset to UTC in seconds, east positive. */
public record GuestTimezone(String zone, long offset) {
  public JsonObject toJson() {
    return JsonObject.builder().putOpt("zone", zone).put("offset", offset).build();
  }

  public static GuestTimezone fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "return");
    return new GuestTimezone(o.optStr("zone"), o.integer("offset"));
  }
}
