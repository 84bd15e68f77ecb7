package org.vimana.agent.ext;

import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** One mounted filesystem and its space (statvfs through java.nio FileStore). */
public record FilesystemUsage(
    String mountpoint,
    String device,
    String type,
    long totalBytes,
    long usedBytes,
    long availableBytes) {

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("mountpoint", mountpoint)
        .put("device", device)
        .put("type", type)
        .put("total-bytes", totalBytes)
        .put("used-bytes", usedBytes)
        .put("available-bytes", availableBytes)
        .build();
  }

  public static FilesystemUsage fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "filesystems[]");
    return new FilesystemUsage(
        o.str("mountpoint"),
        o.str("device"),
        o.str("type"),
        o.integer("total-bytes"),
        o.integer("used-bytes"),
        o.integer("available-bytes"));
  }
}
