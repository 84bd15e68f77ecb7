package org.vimana.agent.wire;

import java.time.Instant;
import java.util.Objects;
import org.vimana.agent.json.JsonObject;

/**
 * An asynchronous message the agent pushes without a request (exec finished, status tick).
 *
 * @param name event name, upper case with a VIMANA_ prefix as QMP events are named
 * @param data event payload
 * @param timestamp when the agent emitted it
 */
public record Event(String name, JsonObject data, Instant timestamp) implements Message {
  public Event {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  public JsonObject toJson() {
    JsonObject ts =
        JsonObject.builder()
            .put("seconds", timestamp.getEpochSecond())
            .put("microseconds", timestamp.getNano() / 1000L)
            .build();
    return JsonObject.builder().put("event", name).put("data", data).put("timestamp", ts).build();
  }
}
