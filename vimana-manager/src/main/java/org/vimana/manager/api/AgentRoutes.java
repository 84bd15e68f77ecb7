package org.vimana.manager.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vimana.api.model.AgentCommandRequest;
import org.vimana.api.model.AgentView;
import org.vimana.api.model.GuestView;
import org.vimana.manager.inventory.AgentCallException;
import org.vimana.manager.inventory.AgentService;
import org.vimana.manager.inventory.HostService;
import org.vimana.manager.inventory.VmService;
import org.vimana.manager.node.AgentStatuses.AgentLive;
import org.vimana.manager.node.LiveHosts;
import org.vimana.manager.store.VmRecord;

/**
 * {@code /api/v1/vms/{id}/agent}: GET the guest agent's readiness and the guest's view, POST a
 * command to it. Agent refusals keep their cause in the error code, so a blocked command is never
 * mistaken for an unreachable agent.
 */
final class AgentRoutes implements Routes {
  private static final Logger log = LoggerFactory.getLogger(AgentRoutes.class);

  private final AgentService agents;
  private final VmService vms;
  private final HostService hosts;
  private final LiveHosts live;
  private final Views views;
  private final RequestBodies bodies;
  private final ObjectMapper json;
  private final ObjectReader guestViews;

  AgentRoutes(
      AgentService agents,
      VmService vms,
      HostService hosts,
      LiveHosts live,
      Views views,
      RequestBodies bodies,
      ObjectMapper json) {
    this.agents = agents;
    this.vms = vms;
    this.hosts = hosts;
    this.live = live;
    this.views = views;
    this.bodies = bodies;
    this.json = json;
    // Newer nodes may tell more than this manager knows: ignore what it does not.
    this.guestViews =
        json.readerFor(GuestView.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  @Override
  public void register(Javalin app) {
    app.get("/api/v1/vms/{id}/agent", ctx -> ctx.json(view(vms.get(ctx.pathParam("id")))));
    app.post("/api/v1/vms/{id}/agent", this::execute);
  }

  private AgentView view(VmRecord vm) {
    AgentLive a = live.agents().get(vm.id(), vm.hostId()).orElse(null);
    String readiness = views.agentReadiness(vm);
    boolean current = a != null && !readiness.equals("unknown");
    return new AgentView(
        vm.id(),
        vm.name(),
        hosts.get(vm.hostId()).name(),
        readiness,
        current ? a.readyAfterMs() : null,
        a == null ? null : a.at(),
        current ? guest(vm, a.guestViewJson()) : null);
  }

  private GuestView guest(VmRecord vm, String text) {
    if (text == null) {
      return null;
    }
    try {
      return guestViews.readValue(text);
    } catch (JsonProcessingException e) {
      log.warn("unreadable guest view of VM {}: {}", vm.name(), e.getOriginalMessage());
      return null;
    }
  }

  private void execute(Context ctx) {
    AgentCommandRequest r = bodies.read(ctx, AgentCommandRequest.class);
    JsonNode args = r.arguments();
    if (args != null && !args.isNull() && !args.isObject()) {
      throw ApiError.invalid(
          "arguments must be a JSON object, got "
              + args.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    String argsJson;
    try {
      argsJson = args == null || args.isNull() ? "" : json.writeValueAsString(args);
    } catch (JsonProcessingException e) {
      throw ApiError.invalid("cannot encode arguments: " + e.getOriginalMessage());
    }
    String answer;
    try {
      answer = agents.execute(ctx.pathParam("id"), r.command(), argsJson, r.timeoutMs());
    } catch (AgentCallException e) {
      throw refusal(e);
    }
    ctx.contentType("application/json").result(answer);
  }

  private static ApiError refusal(AgentCallException e) {
    return switch (e.kind()) {
      case UNREACHABLE -> new ApiError(502, "agent_unreachable", e.getMessage());
      case TIMEOUT -> new ApiError(504, "agent_timeout", e.getMessage());
      case BLOCKED -> new ApiError(403, "blocked_by_guest_policy", e.getMessage());
      case UNKNOWN_COMMAND -> new ApiError(404, "unknown_command", e.getMessage());
      case BAD_ARGUMENTS -> new ApiError(400, "bad_arguments", e.getMessage());
      case UNAVAILABLE -> new ApiError(501, "unavailable_on_qemu_ga", e.getMessage());
      case PROTOCOL -> new ApiError(502, "agent_protocol_error", e.getMessage());
      case FAILED -> new ApiError(502, "agent_command_failed", e.getMessage());
    };
  }
}
