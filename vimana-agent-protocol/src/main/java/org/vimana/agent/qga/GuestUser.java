package org.vimana.agent.qga;

import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** guest-get-users element: login time in fractional seconds since the epoch. */
public record GuestUser(String user, double loginTime, String domain) {
  public JsonObject toJson() {
    return JsonObject.builder()
        .put("user", user)
        .put("login-time", loginTime)
        .putOpt("domain", domain)
        .build();
  }

  public static GuestUser fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "return[]");
    return new GuestUser(o.str("user"), o.number("login-time"), o.optStr("domain"));
  }
}
