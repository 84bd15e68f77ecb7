package org.vimana.agent.wire;

import java.util.Objects;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** The answer to one request: a return value or an error; {@code id} echoes the request's. */
public sealed interface Reply extends Message permits Reply.Ok, Reply.Err {

  /** The echoed request id, or null when the request had none (or could not be parsed). */
  JsonValue id();

  JsonObject toJson();

  /** A successful reply. */
  record Ok(JsonValue value, JsonValue id) implements Reply {
    public Ok {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public JsonObject toJson() {
      return JsonObject.builder().put("return", value).putOpt("id", id).build();
    }
  }

  /** An error reply; {@code errorClass} is one of {@link ErrorClass} or QEMU's own classes. */
  record Err(String errorClass, String desc, JsonValue id) implements Reply {
    public Err {
      Objects.requireNonNull(errorClass, "errorClass");
      Objects.requireNonNull(desc, "desc");
    }

    @Override
    public JsonObject toJson() {
      JsonObject error = JsonObject.builder().put("class", errorClass).put("desc", desc).build();
      return JsonObject.builder().put("error", error).putOpt("id", id).build();
    }
  }
}
