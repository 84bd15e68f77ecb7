package org.vimana.manager.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.api.model.TagsRequest;
import org.vimana.core.vm.VmAction;
import org.vimana.core.vm.VmState;
import org.vimana.manager.inventory.HostService;
import org.vimana.manager.inventory.VmService;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.VmRecord;
import org.vimana.manager.store.VmStore;

/** {@code /api/v1/vms}. */
public final class VmRoutes implements Routes {
  private static final List<VmAction> PLAIN_ACTIONS =
      List.of(
          VmAction.START,
          VmAction.SHUTDOWN,
          VmAction.REBOOT,
          VmAction.FORCE_STOP,
          VmAction.SUSPEND,
          VmAction.RESUME);

  private final VmService vms;
  private final VmStore store;
  private final HostService hosts;
  private final Views views;
  private final RequestBodies bodies;

  VmRoutes(VmService vms, VmStore store, HostService hosts, Views views, RequestBodies bodies) {
    this.vms = vms;
    this.store = store;
    this.hosts = hosts;
    this.views = views;
    this.bodies = bodies;
  }

  @Override
  public void register(Javalin app) {
    app.get("/api/v1/vms", this::list);
    app.post(
        "/api/v1/vms",
        ctx -> ctx.status(201).json(view(vms.create(bodies.read(ctx, CreateVmRequest.class)))));
    app.get("/api/v1/vms/{id}", ctx -> ctx.json(view(vms.get(ctx.pathParam("id")))));
    for (VmAction a : PLAIN_ACTIONS) {
      app.post(
          "/api/v1/vms/{id}/" + a.pathName(),
          ctx -> ctx.status(202).json(view(vms.act(ctx.pathParam("id"), a))));
    }
    app.delete(
        "/api/v1/vms/{id}",
        ctx -> {
          vms.delete(ctx.pathParam("id"), "true".equals(ctx.queryParam("force")));
          ctx.status(204);
        });
    app.get(
        "/api/v1/vms/{id}/console",
        ctx ->
            ctx.contentType("text/plain; charset=utf-8")
                .result(vms.console(ctx.pathParam("id"), bytes(ctx.queryParam("bytes")))));
    app.put(
        "/api/v1/vms/{id}/tags",
        ctx -> {
          TagsRequest r = bodies.read(ctx, TagsRequest.class);
          if (r.tags() == null) {
            throw ApiError.invalid("tags is required (a list of names)");
          }
          ctx.json(view(vms.setTags(ctx.pathParam("id"), r.tags())));
        });
  }

  private void list(Context ctx) {
    String host = ctx.queryParam("host");
    String hostId = host == null ? null : hosts.get(host).id();
    VmState state = state(ctx.queryParam("state"));
    List<VmRecord> records = store.list(ctx.queryParam("tag"), hostId, state);
    Map<String, String> names = new HashMap<>();
    for (HostRecord h : hosts.list()) {
      names.put(h.id(), h.name());
    }
    ctx.json(views.vms(records, names));
  }

  /** The console tail size: 64 KiB unless asked, at most 1 MiB. */
  private static int bytes(String s) {
    if (s == null) {
      return 64 * 1024;
    }
    try {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= 1 << 20) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw ApiError.invalid("bytes must be a number from 1 to 1048576, got '" + s + "'");
  }

  private static VmState state(String s) {
    if (s == null) {
      return null;
    }
    for (VmState v : VmState.values()) {
      if (v.wireName().equals(s)) {
        return v;
      }
    }
    throw ApiError.invalid(
        "unknown state '"
            + s
            + "'; one of "
            + Arrays.stream(VmState.values()).map(VmState::wireName).toList());
  }

  private Object view(VmRecord v) {
    String hostName = hosts.get(v.hostId()).name();
    return views.vm(v, hostName);
  }
}
