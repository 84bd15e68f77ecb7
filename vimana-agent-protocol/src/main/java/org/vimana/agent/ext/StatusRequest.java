package org.vimana.agent.ext;

import java.util.List;
import org.vimana.agent.json.JsonException;
import org.vimana.agent.json.JsonObject;

/**
 * vimana-status arguments.
 *
 * @param topProcesses how many processes (by CPU, then RSS) to include
 * @param services service names to report beside those in the agent's config
 */
public record StatusRequest(int topProcesses, List<String> services) {
  public static final StatusRequest DEFAULT = new StatusRequest(10, List.of());

  public StatusRequest {
    services = List.copyOf(services);
    if (topProcesses < 0 || topProcesses > 100) {
      throw new JsonException("'top-processes' must be 0..100, got " + topProcesses);
    }
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("top-processes", topProcesses)
        .putStrings("services", services)
        .build();
  }

  public static StatusRequest fromJson(JsonObject o) {
    o.expectOnly("top-processes", "services");
    List<String> services = o.optStrings("services");
    return new StatusRequest(
        (int) o.integer("top-processes", 10), services == null ? List.of() : services);
  }
}
