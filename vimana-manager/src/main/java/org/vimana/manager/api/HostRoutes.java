package org.vimana.manager.api;

import io.javalin.Javalin;
import org.vimana.api.model.MaintenanceRequest;
import org.vimana.manager.inventory.HostService;

/** {@code /api/v1/hosts}. */
public final class HostRoutes implements Routes {
  private final HostService hosts;
  private final Views views;
  private final RequestBodies bodies;

  HostRoutes(HostService hosts, Views views, RequestBodies bodies) {
    this.hosts = hosts;
    this.views = views;
    this.bodies = bodies;
  }

  @Override
  public void register(Javalin app) {
    app.get("/api/v1/hosts", ctx -> ctx.json(views.hosts(hosts.list())));
    app.get("/api/v1/hosts/{id}", ctx -> ctx.json(views.host(hosts.get(ctx.pathParam("id")))));
    app.post(
        "/api/v1/hosts/{id}/maintenance",
        ctx -> {
          MaintenanceRequest r = bodies.read(ctx, MaintenanceRequest.class);
          if (r.enabled() == null) {
            throw ApiError.invalid("enabled is required (true or false)");
          }
          ctx.json(views.host(hosts.setMaintenance(ctx.pathParam("id"), r.enabled())));
        });
  }
}
