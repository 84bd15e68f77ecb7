package org.vimana.agent.ext;

import java.util.List;
import java.util.Set;
import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonArray;
import org.vimana.agent.json.JsonException;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/**
 * vimana-health-check: application checks sent by the host. The agent runs them at once and, when
 * {@code register} is true, keeps them and re-runs each at its interval; vimana-status then reports
 * the latest result of each registered check.
 */
public final class HealthCheck {
  /** tcp/http/dns/icmp reuse the probes; process: a process named target runs; file: exists. */
  public static final Set<String> TYPES = Set.of("tcp", "http", "dns", "icmp", "process", "file");

  private HealthCheck() {}

  /**
   * A check.
   *
   * @param name unique name, the key of registered checks
   * @param type one of {@link #TYPES}
   * @param target host, URL, process name or path depending on type
   * @param port for tcp
   * @param timeoutMillis for network checks
   * @param intervalMillis re-run period of a registered check
   * @param expectStatus HTTP status wanted (any 2xx when null)
   * @param expectBody substring the HTTP body must contain, or null
   */
  public record Spec(
      String name,
      String type,
      String target,
      Integer port,
      long timeoutMillis,
      long intervalMillis,
      Integer expectStatus,
      String expectBody) {
    public Spec {
      if (name == null || name.isBlank()) {
        throw new JsonException("a health check needs a non-empty 'name'");
      }
      if (!TYPES.contains(type)) {
        throw new JsonException("Invalid check type '" + type + "', expected one of " + TYPES);
      }
      if (intervalMillis < 1000) {
        throw new JsonException("'interval-ms' must be at least 1000, got " + intervalMillis);
      }
    }

    public JsonObject toJson() {
      return JsonObject.builder()
          .put("name", name)
          .put("type", type)
          .put("target", target)
          .putOpt("port", port == null ? null : (long) port)
          .put("timeout-ms", timeoutMillis)
          .put("interval-ms", intervalMillis)
          .putOpt("expect-status", expectStatus == null ? null : (long) expectStatus)
          .putOpt("expect-body", expectBody)
          .build();
    }

    public static Spec fromJson(JsonValue v) {
      JsonObject o = Expect.object(v, "checks[]");
      o.expectOnly(
          "name",
          "type",
          "target",
          "port",
          "timeout-ms",
          "interval-ms",
          "expect-status",
          "expect-body");
      Long port = o.optInteger("port");
      Long status = o.optInteger("expect-status");
      return new Spec(
          o.str("name"),
          o.str("type"),
          o.str("target"),
          port == null ? null : (int) (long) port,
          o.integer("timeout-ms", 2000),
          o.integer("interval-ms", 30_000),
          status == null ? null : (int) (long) status,
          o.optStr("expect-body"));
    }
  }

  /** A check's latest outcome. */
  public record Result(
      String name, boolean ok, double latencyMillis, String detail, long checkedAtMillis) {
    public JsonObject toJson() {
      return JsonObject.builder()
          .put("name", name)
          .put("ok", ok)
          .put("latency-ms", latencyMillis)
          .put("detail", detail)
          .put("checked-at-ms", checkedAtMillis)
          .build();
    }

    public static Result fromJson(JsonValue v) {
      JsonObject o = Expect.object(v, "health[]");
      return new Result(
          o.str("name"),
          o.bool("ok"),
          o.number("latency-ms"),
          o.str("detail"),
          o.integer("checked-at-ms"));
    }
  }

  /** Arguments of vimana-health-check. */
  public record Args(List<Spec> checks, boolean register) {
    public Args {
      checks = List.copyOf(checks);
      if (checks.size() > 64) {
        throw new JsonException("at most 64 checks at once, got " + checks.size());
      }
    }

    public JsonObject toJson() {
      return JsonObject.builder()
          .put("checks", JsonArray.of(checks, Spec::toJson))
          .put("register", register)
          .build();
    }

    public static Args fromJson(JsonObject o) {
      o.expectOnly("checks", "register");
      return new Args(o.arr("checks").map(Spec::fromJson), o.bool("register", false));
    }
  }
}
