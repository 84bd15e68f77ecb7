package org.vimana.manager.api;

import io.javalin.Javalin;
import org.vimana.api.model.SnapshotRequest;
import org.vimana.manager.inventory.SnapshotService;

/** {@code /api/v1/vms/{id}/snapshots}: each call answers with the VM's snapshots after it. */
final class SnapshotRoutes implements Routes {
  private final SnapshotService snapshots;
  private final RequestBodies bodies;

  SnapshotRoutes(SnapshotService snapshots, RequestBodies bodies) {
    this.snapshots = snapshots;
    this.bodies = bodies;
  }

  @Override
  public void register(Javalin app) {
    String base = "/api/v1/vms/{id}/snapshots";
    app.get(base, ctx -> ctx.json(snapshots.list(ctx.pathParam("id"))));
    app.post(
        base,
        ctx ->
            ctx.status(201)
                .json(
                    snapshots.create(
                        ctx.pathParam("id"), bodies.read(ctx, SnapshotRequest.class))));
    app.post(
        base + "/{name}/revert",
        ctx -> ctx.json(snapshots.revert(ctx.pathParam("id"), ctx.pathParam("name"))));
    app.delete(
        base + "/{name}",
        ctx -> ctx.json(snapshots.delete(ctx.pathParam("id"), ctx.pathParam("name"))));
  }
}
