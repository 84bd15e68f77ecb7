package org.vimana.agent.qga;

import java.util.List;
import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonArray;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** guest-network-get-interfaces element. */
public record GuestNetworkInterface(
    String name, String hardwareAddress, List<IpAddress> ipAddresses, Statistics statistics) {

  public GuestNetworkInterface {
    ipAddresses = ipAddresses == null ? null : List.copyOf(ipAddresses);
  }

  /** GuestIpAddress; type is "ipv4" or "ipv6". */
  public record IpAddress(String ipAddress, String ipAddressType, long prefix) {
    public JsonObject toJson() {
      return JsonObject.builder()
          .put("ip-address", ipAddress)
          .put("ip-address-type", ipAddressType)
          .put("prefix", prefix)
          .build();
    }

    public static IpAddress fromJson(JsonValue v) {
      JsonObject o = Expect.object(v, "ip-addresses[]");
      return new IpAddress(o.str("ip-address"), o.str("ip-address-type"), o.integer("prefix"));
    }
  }

  /** GuestNetworkInterfaceStat: cumulative counters from /proc/net/dev. */
  public record Statistics(
      long rxBytes,
      long rxPackets,
      long rxErrs,
      long rxDropped,
      long txBytes,
      long txPackets,
      long txErrs,
      long txDropped) {

    public JsonObject toJson() {
      return JsonObject.builder()
          .put("rx-bytes", rxBytes)
          .put("rx-packets", rxPackets)
          .put("rx-errs", rxErrs)
          .put("rx-dropped", rxDropped)
          .put("tx-bytes", txBytes)
          .put("tx-packets", txPackets)
          .put("tx-errs", txErrs)
          .put("tx-dropped", txDropped)
          .build();
    }

    public static Statistics fromJson(JsonObject o) {
      return new Statistics(
          o.integer("rx-bytes"),
          o.integer("rx-packets"),
          o.integer("rx-errs"),
          o.integer("rx-dropped"),
          o.integer("tx-bytes"),
          o.integer("tx-packets"),
          o.integer("tx-errs"),
          o.integer("tx-dropped"));
    }
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("name", name)
        .putOpt("hardware-address", hardwareAddress)
        .putOpt(
            "ip-addresses",
            ipAddresses == null ? null : JsonArray.of(ipAddresses, IpAddress::toJson))
        .putOpt("statistics", statistics == null ? null : statistics.toJson())
        .build();
  }

  public static GuestNetworkInterface fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "return[]");
    JsonObject stats = o.optObj("statistics");
    return new GuestNetworkInterface(
        o.str("name"),
        o.optStr("hardware-address"),
        o.has("ip-addresses") ? o.list("ip-addresses", IpAddress::fromJson) : null,
        stats == null ? null : Statistics.fromJson(stats));
  }
}
