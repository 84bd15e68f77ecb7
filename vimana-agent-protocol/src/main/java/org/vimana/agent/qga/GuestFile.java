package org.vimana.agent.qga;

import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** guest-file-open/read/write/close shapes. A handle is an opaque integer. */
public final class GuestFile {
  private GuestFile() {}

  /** guest-file-open arguments; mode as fopen(3), "r" when null. */
  public record OpenArgs(String path, String mode) {
    public JsonObject toJson() {
      return JsonObject.builder().put("path", path).putOpt("mode", mode).build();
    }

    public static OpenArgs fromJson(JsonObject o) {
      o.expectOnly("path", "mode");
      return new OpenArgs(o.str("path"), o.optStr("mode"));
    }
  }

  /** guest-file-read and guest-file-close take a handle; read also an optional count. */
  public record ReadArgs(long handle, Long count) {
    public JsonObject toJson() {
      return JsonObject.builder().put("handle", handle).putOpt("count", count).build();
    }

    public static ReadArgs fromJson(JsonObject o) {
      o.expectOnly("handle", "count");
      return new ReadArgs(o.integer("handle"), o.optInteger("count"));
    }
  }

  /** GuestFileRead: count is before base64 encoding. */
  public record Read(long count, String bufB64, boolean eof) {
    public JsonObject toJson() {
      return JsonObject.builder()
          .put("count", count)
          .put("buf-b64", bufB64)
          .put("eof", eof)
          .build();
    }

    public static Read fromJson(JsonValue v) {
      JsonObject o = Expect.object(v, "return");
      return new Read(o.integer("count"), o.str("buf-b64"), o.bool("eof"));
    }
  }

  /** guest-file-write arguments; count (bytes after decoding) defaults to all of buf-b64. */
  public record WriteArgs(long handle, String bufB64, Long count) {
    public JsonObject toJson() {
      return JsonObject.builder()
          .put("handle", handle)
          .put("buf-b64", bufB64)
          .putOpt("count", count)
          .build();
    }

    public static WriteArgs fromJson(JsonObject o) {
      o.expectOnly("handle", "buf-b64", "count");
      return new WriteArgs(o.integer("handle"), o.str("buf-b64"), o.optInteger("count"));
    }
  }

  /** GuestFileWrite. */
  public record Write(long count, boolean eof) {
    public JsonObject toJson() {
      return JsonObject.builder().put("count", count).put("eof", eof).build();
    }

    public static Write fromJson(JsonValue v) {
      JsonObject o = Expect.object(v, "return");
      return new Write(o.integer("count"), o.bool("eof"));
    }
  }

  /** guest-file-close arguments. */
  public record Handle(long handle) {
    public JsonObject toJson() {
      return JsonObject.builder().put("handle", handle).build();
    }

    public static Handle fromJson(JsonObject o) {
      o.expectOnly("handle");
      return new Handle(o.integer("handle"));
    }
  }
}
