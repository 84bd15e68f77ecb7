package org.vimana.manager.api;

import io.javalin.Javalin;
import org.vimana.core.template.Template;
import org.vimana.manager.inventory.TemplateService;

/** {@code /api/v1/templates}. */
public final class TemplateRoutes implements Routes {
  private final TemplateService templates;
  private final RequestBodies bodies;

  TemplateRoutes(TemplateService templates, RequestBodies bodies) {
    this.templates = templates;
    this.bodies = bodies;
  }

  @Override
  public void register(Javalin app) {
    app.get("/api/v1/templates", ctx -> ctx.json(templates.list()));
    app.post(
        "/api/v1/templates",
        ctx -> ctx.status(201).json(templates.create(bodies.read(ctx, Template.class))));
    app.get("/api/v1/templates/{name}", ctx -> ctx.json(templates.get(ctx.pathParam("name"))));
    app.delete(
        "/api/v1/templates/{name}",
        ctx -> {
          templates.delete(ctx.pathParam("name"));
          ctx.status(204);
        });
  }
}
