package org.vimana.agent.wire;

import java.time.Instant;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** Maps parsed JSON documents to {@link Message}s and back, checking the QGA shapes strictly. */
public final class WireCodec {
  private WireCodec() {}

  /** One line of wire text (no trailing newline). */
  public static String encode(Message message) {
    JsonObject json;
    if (message instanceof Request r) {
      json = r.toJson();
    } else if (message instanceof Reply r) {
      json = r.toJson();
    } else {
      json = ((Event) message).toJson();
    }
    return json.toJson();
  }

  /** Decodes a request as the agent receives it. */
  public static Request decodeRequest(JsonValue doc) {
    if (!(doc instanceof JsonObject o)) {
      throw new WireException("a request must be a JSON object, got " + doc.typeName(), null);
    }
    JsonValue id = o.get("id");
    for (String key : o.members().keySet()) {
      if (!key.equals("execute") && !key.equals("arguments") && !key.equals("id")) {
        throw new WireException("request member '" + key + "' is unexpected", id);
      }
    }
    if (!(o.get("execute") instanceof JsonValue.Str name)) {
      throw new WireException("a request needs 'execute' with a command name string", id);
    }
    JsonValue args = o.get("arguments");
    if (args != null && !(args instanceof JsonObject)) {
      throw new WireException("'arguments' must be an object, got " + args.typeName(), id);
    }
    return new Request(name.value(), args == null ? JsonObject.empty() : (JsonObject) args, id);
  }

  /** Decodes a reply or an event as the client receives it. */
  public static Message decodeIncoming(JsonValue doc) {
    if (!(doc instanceof JsonObject o)) {
      throw new WireException(
          "an agent message must be a JSON object, got " + doc.typeName(), null);
    }
    JsonValue id = o.get("id");
    if (o.get("return") != null) {
      return new Reply.Ok(o.get("return"), id);
    }
    if (o.get("error") instanceof JsonObject err) {
      String cls = err.get("class") instanceof JsonValue.Str s ? s.value() : ErrorClass.GENERIC;
      String desc = err.get("desc") instanceof JsonValue.Str s ? s.value() : err.toJson();
      return new Reply.Err(cls, desc, id);
    }
    if (o.get("event") instanceof JsonValue.Str name) {
      JsonObject data = o.get("data") instanceof JsonObject d ? d : JsonObject.empty();
      return new Event(name.value(), data, timestamp(o.get("timestamp")));
    }
    throw new WireException("message has neither 'return', 'error' nor 'event': " + o, id);
  }

  private static Instant timestamp(JsonValue ts) {
    if (ts instanceof JsonObject t) {
      return Instant.ofEpochSecond(t.integer("seconds", 0), t.integer("microseconds", 0) * 1000L);
    }
    return Instant.EPOCH;
  }
}
