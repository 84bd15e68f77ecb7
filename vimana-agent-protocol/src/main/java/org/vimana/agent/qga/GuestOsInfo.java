package org.vimana.agent.qga;

import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** guest-get-osinfo: uname(2) fields and os-release(5) fields; every member is optional. */
public record GuestOsInfo(
    String kernelRelease,
    String kernelVersion,
    String machine,
    String id,
    String name,
    String prettyName,
    String version,
    String versionId,
    String variant,
    String variantId) {

  public JsonObject toJson() {
    return JsonObject.builder()
        .putOpt("kernel-release", kernelRelease)
        .putOpt("kernel-version", kernelVersion)
        .putOpt("machine", machine)
        .putOpt("id", id)
        .putOpt("name", name)
        .putOpt("pretty-name", prettyName)
        .putOpt("version", version)
        .putOpt("version-id", versionId)
        .putOpt("variant", variant)
        .putOpt("variant-id", variantId)
        .build();
  }

  public static GuestOsInfo fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "return");
    return new GuestOsInfo(
        o.optStr("kernel-release"),
        o.optStr("kernel-version"),
        o.optStr("machine"),
        o.optStr("id"),
        o.optStr("name"),
        o.optStr("pretty-name"),
        o.optStr("version"),
        o.optStr("version-id"),
        o.optStr("variant"),
        o.optStr("variant-id"));
  }
}
