package org.vimana.agent.qga;

import java.util.List;
import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonArray;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/** guest-info: agent version and the commands it supports. */
public record GuestAgentInfo(String version, List<CommandInfo> supportedCommands) {
  public GuestAgentInfo {
    supportedCommands = List.copyOf(supportedCommands);
  }

  /** One supported command; {@code enabled} is false when the guest's policy blocks it. */
  public record CommandInfo(String name, boolean enabled, boolean successResponse) {
    public JsonObject toJson() {
      return JsonObject.builder()
          .put("name", name)
          .put("enabled", enabled)
          .put("success-response", successResponse)
          .build();
    }

    public static CommandInfo fromJson(JsonValue v) {
      JsonObject o = Expect.object(v, "supported_commands[]");
      return new CommandInfo(o.str("name"), o.bool("enabled"), o.bool("success-response", true));
    }
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("version", version)
        .put("supported_commands", JsonArray.of(supportedCommands, CommandInfo::toJson))
        .build();
  }

  public static GuestAgentInfo fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "return");
    return new GuestAgentInfo(
        o.str("version"), o.list("supported_commands", CommandInfo::fromJson));
  }
}
