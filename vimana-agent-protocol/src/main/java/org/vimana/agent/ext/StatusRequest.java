package org.vimana.agent.ext;

import java.util.List;
import java.util.Set;
import org.vimana.agent.json.JsonException;
import org.vimana.agent.json.JsonObject;

/**
 * vimana-status arguments.
 *
 * @param topProcesses how many processes (by CPU, then RSS) to include
 * @param services service names to report beside those in the agent's config
 * @param sections the parts of the snapshot to take (uptime, CPU, memory and load always)
 */
public record StatusRequest(int topProcesses, List<String> services, Set<StatusSection> sections) {
  public static final StatusRequest DEFAULT = new StatusRequest(10, List.of());

  /** A request for every section. */
  public StatusRequest(int topProcesses, List<String> services) {
    this(topProcesses, services, StatusSection.ALL);
  }

  public StatusRequest {
    services = List.copyOf(services);
    sections = StatusSection.copy(sections);
    if (topProcesses < 0 || topProcesses > 100) {
      throw new JsonException("'top-processes' must be 0..100, got " + topProcesses);
    }
  }

  public JsonObject toJson() {
    JsonObject.Builder b =
        JsonObject.builder().put("top-processes", topProcesses).putStrings("services", services);
    StatusSection.toJson(sections, b);
    return b.build();
  }

  public static StatusRequest fromJson(JsonObject o) {
    o.expectOnly("top-processes", "services", "sections");
    List<String> services = o.optStrings("services");
    return new StatusRequest(
        (int) o.integer("top-processes", 10),
        services == null ? List.of() : services,
        StatusSection.fromJson(o));
  }
}
