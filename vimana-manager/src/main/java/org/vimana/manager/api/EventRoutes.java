package org.vimana.manager.api;

import io.javalin.Javalin;
import org.vimana.manager.inventory.VmService;
import org.vimana.manager.store.EventStore;

/** {@code /api/v1/events}: the history, newest first. */
public final class EventRoutes implements Routes {
  private final EventStore events;
  private final VmService vms;

  EventRoutes(EventStore events, VmService vms) {
    this.events = events;
    this.vms = vms;
  }

  @Override
  public void register(Javalin app) {
    app.get(
        "/api/v1/events",
        ctx -> {
          String vm = ctx.queryParam("vm");
          String vmId = vm == null ? null : vms.get(vm).id();
          ctx.json(events.recent(vmId, limit(ctx.queryParam("limit"))));
        });
  }

  static int limit(String s) {
    if (s == null) {
      return 100;
    }
    try {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= 10_000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw ApiError.invalid("limit must be a number from 1 to 10000, got '" + s + "'");
  }
}
