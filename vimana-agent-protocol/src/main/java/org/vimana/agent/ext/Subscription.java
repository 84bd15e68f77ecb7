package org.vimana.agent.ext;

import java.util.Set;
import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonException;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/**
 * vimana-subscribe: the agent pushes a {@code VIMANA_STATUS} event every interval on this
 * connection until vimana-unsubscribe or disconnect. One subscription per connection; a new
 * subscribe replaces the old one.
 */
public final class Subscription {
  /** Shortest accepted interval: 100 ms (tests); operators use seconds. */
  public static final long MIN_INTERVAL_MS = 100;

  private Subscription() {}

  /** Arguments: interval, how many top processes each snapshot carries, and its sections. */
  public record Args(long intervalMillis, int topProcesses, Set<StatusSection> sections) {
    /** Every section. */
    public Args(long intervalMillis, int topProcesses) {
      this(intervalMillis, topProcesses, StatusSection.ALL);
    }

    public Args {
      sections = StatusSection.copy(sections);
      if (intervalMillis < MIN_INTERVAL_MS || intervalMillis > 3_600_000) {
        throw new JsonException(
            "'interval-ms' must be " + MIN_INTERVAL_MS + "..3600000, got " + intervalMillis);
      }
      if (topProcesses < 0 || topProcesses > 100) {
        throw new JsonException("'top-processes' must be 0..100, got " + topProcesses);
      }
    }

    public JsonObject toJson() {
      JsonObject.Builder b =
          JsonObject.builder()
              .put("interval-ms", intervalMillis)
              .put("top-processes", topProcesses);
      StatusSection.toJson(sections, b);
      return b.build();
    }

    public static Args fromJson(JsonObject o) {
      o.expectOnly("interval-ms", "top-processes", "sections");
      return new Args(
          o.integer("interval-ms"), (int) o.integer("top-processes", 5), StatusSection.fromJson(o));
    }
  }

  /** The acknowledgement. */
  public record Ack(long intervalMillis) {
    public JsonObject toJson() {
      return JsonObject.builder().put("interval-ms", intervalMillis).build();
    }

    public static Ack fromJson(JsonValue v) {
      return new Ack(Expect.object(v, "return").integer("interval-ms"));
    }
  }
}
