package org.vimana.agent.ext;

import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** A listening TCP socket (or bound UDP socket) from /proc/net/{tcp,tcp6,udp,udp6}. */
public record ListeningSocket(String protocol, String address, int port, long uid, long inode) {
  public JsonObject toJson() {
    return JsonObject.builder()
        .put("protocol", protocol)
        .put("address", address)
        .put("port", port)
        .put("uid", uid)
        .put("inode", inode)
        .build();
  }

  public static ListeningSocket fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "sockets[]");
    return new ListeningSocket(
        o.str("protocol"),
        o.str("address"),
        (int) o.integer("port"),
        o.integer("uid"),
        o.integer("inode"));
  }
}
