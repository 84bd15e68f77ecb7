package org.vimana.agent.ext;

import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** One network interface: cumulative /proc/net/dev counters and rates over the interval. */
public record InterfaceTraffic(
    String name,
    long rxBytes,
    long txBytes,
    long rxPackets,
    long txPackets,
    long rxErrors,
    long txErrors,
    long rxDropped,
    long txDropped,
    double rxBytesPerSecond,
    double txBytesPerSecond) {

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("name", name)
        .put("rx-bytes", rxBytes)
        .put("tx-bytes", txBytes)
        .put("rx-packets", rxPackets)
        .put("tx-packets", txPackets)
        .put("rx-errors", rxErrors)
        .put("tx-errors", txErrors)
        .put("rx-dropped", rxDropped)
        .put("tx-dropped", txDropped)
        .put("rx-bytes-per-second", rxBytesPerSecond)
        .put("tx-bytes-per-second", txBytesPerSecond)
        .build();
  }

  public static InterfaceTraffic fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "interfaces[]");
    return new InterfaceTraffic(
        o.str("name"),
        o.integer("rx-bytes"),
        o.integer("tx-bytes"),
        o.integer("rx-packets"),
        o.integer("tx-packets"),
        o.integer("rx-errors"),
        o.integer("tx-errors"),
        o.integer("rx-dropped"),
        o.integer("tx-dropped"),
        o.number("rx-bytes-per-second"),
        o.number("tx-bytes-per-second"));
  }
}
