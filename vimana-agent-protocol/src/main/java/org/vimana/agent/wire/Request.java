package org.vimana.agent.wire;

import java.util.Objects;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/**
 * A command invocation.
 *
 * @param command the command name ("guest-ping", "vimana-status", ...)
 * @param arguments its arguments, empty when none
 * @param id the caller's correlation id echoed in the reply, or null
 */
public record Request(String command, JsonObject arguments, JsonValue id) implements Message {
  public Request {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(arguments, "arguments");
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("execute", command)
        .putOpt("arguments", arguments.size() == 0 ? null : arguments)
        .putOpt("id", id)
        .build();
  }
}
