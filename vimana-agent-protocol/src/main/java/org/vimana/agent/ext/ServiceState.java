package org.vimana.agent.ext;

import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;

/**
 * A watched service: state is "active", "inactive" or "unknown"; {@code source} says how it was
 * decided ("cgroup" from systemd's cgroup, "process" from a process of that name); {@code pids}
 * counts its processes.
 */
public record ServiceState(String name, String state, String source, long pids) {
  public JsonObject toJson() {
    return JsonObject.builder()
        .put("name", name)
        .put("state", state)
        .put("source", source)
        .put("pids", pids)
        .build();
  }

  public static ServiceState fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "services[]");
    return new ServiceState(o.str("name"), o.str("state"), o.str("source"), o.integer("pids"));
  }
}
