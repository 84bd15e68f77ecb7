package org.vimana.guest.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vimana.agent.json.JsonException;
import org.vimana.agent.json.JsonValue;
import org.vimana.agent.qga.GuestAgentInfo;
import org.vimana.agent.wire.ErrorClass;
import org.vimana.agent.wire.Reply;
import org.vimana.agent.wire.Request;
import org.vimana.guest.policy.Policy;

/** Looks a request's command up, applies the policy, runs it and builds the reply. */
public final class Dispatcher {
  private final Policy policy;
  private final String version;
  private final Map<String, CommandSpec> commands = new LinkedHashMap<>();

  public Dispatcher(Policy policy, String version, List<CommandSpec> specs) {
    this.policy = policy;
    this.version = version;
    commands.put("guest-info", CommandSpec.of("guest-info", (a, p) -> info().toJson()));
    for (CommandSpec s : specs) {
      if (commands.put(s.name(), s) != null) {
        throw new IllegalArgumentException("command " + s.name() + " registered twice");
      }
    }
  }

  public GuestAgentInfo info() {
    List<GuestAgentInfo.CommandInfo> list = new ArrayList<>();
    commands.values().stream()
        .sorted((a, b) -> a.name().compareTo(b.name()))
        .forEach(
            s ->
                list.add(
                    new GuestAgentInfo.CommandInfo(
                        s.name(), policy.allows(s.name()), s.successResponse())));
    return new GuestAgentInfo(version, list);
  }

  /** The reply, or null when the command succeeded and sends none. */
  public Reply dispatch(Request req, Peer peer) {
    CommandSpec spec = commands.get(req.command());
    if (spec == null) {
      return error(
          ErrorClass.COMMAND_NOT_FOUND,
          "The command " + req.command() + " has not been found",
          req);
    }
    if (!policy.allows(req.command())) {
      return error(
          ErrorClass.COMMAND_DISABLED,
          "The command " + req.command() + " has been disabled by the guest's agent policy",
          req);
    }
    try {
      JsonValue result = spec.handler().handle(req.arguments(), peer);
      return spec.successResponse() ? new Reply.Ok(result, req.id()) : null;
    } catch (CommandDisabledException e) {
      return error(ErrorClass.COMMAND_DISABLED, e.getMessage(), req);
    } catch (JsonException | IllegalArgumentException e) {
      return error(ErrorClass.INVALID_PARAMETER, e.getMessage(), req);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(ErrorClass.GENERIC, "interrupted", req);
    } catch (Exception e) {
      String m = e.getMessage();
      return error(
          ErrorClass.GENERIC,
          req.command() + " failed: " + e.getClass().getSimpleName() + (m == null ? "" : ": " + m),
          req);
    }
  }

  private static Reply error(String cls, String desc, Request req) {
    return new Reply.Err(cls, desc, req.id());
  }
}
