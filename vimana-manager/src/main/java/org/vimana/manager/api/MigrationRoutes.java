package org.vimana.manager.api;

import io.javalin.Javalin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vimana.api.model.MigrateRequest;
import org.vimana.api.model.MigrationView;
import org.vimana.core.driver.MigrationProgress;
import org.vimana.manager.inventory.HostService;
import org.vimana.manager.migration.MigrationService;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.MigrationRecord;

/** {@code POST /api/v1/vms/{id}/migrate} and {@code /api/v1/migrations}. */
final class MigrationRoutes implements Routes {
  private final MigrationService migrations;
  private final HostService hosts;
  private final RequestBodies bodies;

  MigrationRoutes(MigrationService migrations, HostService hosts, RequestBodies bodies) {
    this.migrations = migrations;
    this.hosts = hosts;
    this.bodies = bodies;
  }

  @Override
  public void register(Javalin app) {
    app.post(
        "/api/v1/vms/{id}/migrate",
        ctx ->
            ctx.status(202)
                .json(
                    view(
                        migrations.start(
                            ctx.pathParam("id"), bodies.read(ctx, MigrateRequest.class)))));
    app.get(
        "/api/v1/migrations",
        ctx -> {
          List<MigrationRecord> list =
              migrations.recent(ctx.queryParam("vm"), EventRoutes.limit(ctx.queryParam("limit")));
          Map<String, String> names = hostNames();
          ctx.json(list.stream().map(m -> view(m, names)).toList());
        });
    app.get("/api/v1/migrations/{id}", ctx -> ctx.json(view(migrations.get(ctx.pathParam("id")))));
    app.post(
        "/api/v1/migrations/{id}/cancel",
        ctx -> ctx.status(202).json(view(migrations.cancel(ctx.pathParam("id")))));
  }

  private MigrationView view(MigrationRecord m) {
    return view(m, hostNames());
  }

  private Map<String, String> hostNames() {
    Map<String, String> names = new HashMap<>();
    for (HostRecord h : hosts.list()) {
      names.put(h.id(), h.name());
    }
    return names;
  }

  private MigrationView view(MigrationRecord m, Map<String, String> names) {
    Integer percent =
        m.state().ended()
            ? null
            : migrations.progress(m.id()).map(MigrationProgress::percent).orElse(0);
    return new MigrationView(
        m.id(),
        m.vmId(),
        m.vmName(),
        names.getOrDefault(m.sourceHostId(), m.sourceHostId()),
        names.getOrDefault(m.targetHostId(), m.targetHostId()),
        m.state().wireName(),
        m.maxDowntimeMillis(),
        m.bandwidthMibPerSecond(),
        m.requestedAt(),
        m.endedAt(),
        m.totalMillis(),
        m.downtimeMillis(),
        m.transferredMib(),
        percent,
        m.message());
  }
}
