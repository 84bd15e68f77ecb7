package org.vimana.agent.ext;

import java.util.List;
import java.util.Set;
import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonArray;
import org.vimana.agent.json.JsonException;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** vimana-probe: connectivity probes run from inside the guest. */
public final class Probe {
  /** Probe types: TCP connect, DNS resolve, ICMP echo, HTTP(S) GET. */
  public static final Set<String> TYPES = Set.of("tcp", "dns", "icmp", "http");

  private Probe() {}

  /**
   * One probe.
   *
   * @param type one of {@link #TYPES}
   * @param target host name or address (tcp, dns, icmp) or URL (http)
   * @param port TCP port, required for tcp
   * @param timeoutMillis give up after this long
   */
  public record Spec(String type, String target, Integer port, long timeoutMillis) {
    public Spec {
      if (!TYPES.contains(type)) {
        throw new JsonException("Invalid probe type '" + type + "', expected one of " + TYPES);
      }
      if (type.equals("tcp") && (port == null || port < 1 || port > 65535)) {
        throw new JsonException("a tcp probe needs 'port' between 1 and 65535, got " + port);
      }
      if (timeoutMillis < 1 || timeoutMillis > 60_000) {
        throw new JsonException("'timeout-ms' must be 1..60000, got " + timeoutMillis);
      }
    }

    public JsonObject toJson() {
      return JsonObject.builder()
          .put("type", type)
          .put("target", target)
          .putOpt("port", port == null ? null : (long) port)
          .put("timeout-ms", timeoutMillis)
          .build();
    }

    public static Spec fromJson(JsonValue v) {
      JsonObject o = Expect.object(v, "probes[]");
      o.expectOnly("type", "target", "port", "timeout-ms");
      Long port = o.optInteger("port");
      return new Spec(
          o.str("type"),
          o.str("target"),
          port == null ? null : (int) (long) port,
          o.integer("timeout-ms", 2000));
    }
  }

  /** The outcome of one probe; detail says what was reached or why it failed. */
  public record Result(
      String type, String target, boolean ok, double latencyMillis, String detail) {
    public JsonObject toJson() {
      return JsonObject.builder()
          .put("type", type)
          .put("target", target)
          .put("ok", ok)
          .put("latency-ms", latencyMillis)
          .put("detail", detail)
          .build();
    }

    public static Result fromJson(JsonValue v) {
      JsonObject o = Expect.object(v, "return[]");
      return new Result(
          o.str("type"), o.str("target"), o.bool("ok"), o.number("latency-ms"), o.str("detail"));
    }
  }

  /** Arguments: {"probes": [Spec...]}. */
  public static JsonObject args(List<Spec> probes) {
    return JsonObject.builder().put("probes", JsonArray.of(probes, Spec::toJson)).build();
  }

  public static List<Spec> parseArgs(JsonObject o) {
    o.expectOnly("probes");
    List<Spec> specs = o.arr("probes").map(Spec::fromJson);
    if (specs.isEmpty() || specs.size() > 32) {
      throw new JsonException("'probes' must hold 1 to 32 probes, got " + specs.size());
    }
    return specs;
  }
}
