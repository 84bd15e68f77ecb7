package org.vimana.manager.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.vimana.api.model.BalanceApplyRequest;
import org.vimana.api.model.BalanceSettingsRequest;
import org.vimana.manager.balance.BalanceDaemon;

/** {@code /api/v1/balance}: the balancing daemon's settings, plans and decisions. */
final class BalanceRoutes implements Routes {
  private final BalanceDaemon daemon;
  private final RequestBodies bodies;

  BalanceRoutes(BalanceDaemon daemon, RequestBodies bodies) {
    this.daemon = daemon;
    this.bodies = bodies;
  }

  @Override
  public void register(Javalin app) {
    app.get("/api/v1/balance", ctx -> ctx.json(BalanceViews.status(daemon.state())));
    app.put(
        "/api/v1/balance",
        ctx -> {
          BalanceSettingsRequest r = bodies.read(ctx, BalanceSettingsRequest.class);
          ctx.json(
              BalanceViews.status(
                  daemon.update(r.mode(), r.strategy(), r.aggressiveness(), r.intervalSeconds())));
        });
    app.post(
        "/api/v1/balance/plan", ctx -> ctx.status(201).json(BalanceViews.plan(daemon.planNow())));
    app.post(
        "/api/v1/balance/apply",
        ctx -> ctx.status(202).json(BalanceViews.plan(daemon.apply(planId(ctx)))));
    app.get(
        "/api/v1/balance/history",
        ctx ->
            ctx.json(
                daemon.history(EventRoutes.limit(ctx.queryParam("limit"))).stream()
                    .map(BalanceViews::plan)
                    .toList()));
    app.get(
        "/api/v1/balance/plans/{id}",
        ctx -> ctx.json(BalanceViews.plan(daemon.find(ctx.pathParam("id")))));
  }

  /** The plan named by the optional body, or null for the pending one. */
  private String planId(Context ctx) {
    return ctx.body().isBlank() ? null : bodies.read(ctx, BalanceApplyRequest.class).planId();
  }
}
