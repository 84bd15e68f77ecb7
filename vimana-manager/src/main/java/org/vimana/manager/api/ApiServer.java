package org.vimana.manager.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vimana.api.model.ErrorBody;
import org.vimana.manager.inventory.InventoryException;
import org.vimana.manager.store.StoreException;
import org.vimana.manager.store.TokenStore;

/** The HTTP server: authentication, the routes of each resource, and error mapping. */
public final class ApiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

  private final Javalin app;

  public ApiServer(ObjectMapper json, TokenStore tokens, Routes... routes) {
    String openApi = resource("openapi.json");
    this.app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.jsonMapper(new JavalinJackson(json, false));
              cfg.http.defaultContentType = "application/json";
            });
    app.get("/healthz", ctx -> ctx.result("{\"status\":\"ok\"}"));
    app.get("/api/v1/openapi.json", ctx -> ctx.result(openApi));
    app.before("/api/*", ctx -> authenticate(ctx, tokens));
    for (Routes r : routes) {
      r.register(app);
    }
    app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status, e.code, e.getMessage()));
    app.exception(InventoryException.class, (e, ctx) -> inventory(ctx, e));
    app.exception(
        StoreException.class,
        (e, ctx) -> {
          log.error("inventory database failed", e);
          error(ctx, 500, "store_failed", "the inventory database failed: " + e.getMessage());
        });
    app.error(
        404,
        ctx -> {
          // Our handlers' 404s carry an ErrorBody; Javalin's own (no such route) does not.
          String body = ctx.result();
          if (body == null || !body.contains("\"error\"")) {
            error(ctx, 404, "not_found", "no route " + ctx.method() + " " + ctx.path());
          }
        });
  }

  public ApiServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  private static void authenticate(Context ctx, TokenStore tokens) {
    if (ctx.path().equals("/api/v1/openapi.json")) {
      return;
    }
    String h = ctx.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiError(401, "unauthorized", "missing bearer token (Authorization: Bearer ...)");
    }
    if (!tokens.contains(Tokens.hash(h.substring(7).strip()))) {
      throw new ApiError(401, "unauthorized", "the bearer token is not valid");
    }
  }

  private static void inventory(Context ctx, InventoryException e) {
    int status =
        switch (e.kind()) {
          case INVALID -> 400;
          case NOT_FOUND -> 404;
          case CONFLICT, INVALID_STATE, NO_CAPACITY -> 409;
          case HOST_UNAVAILABLE -> 503;
          case NODE_FAILED -> 502;
          case UNSUPPORTED -> 501;
        };
    error(ctx, status, e.kind().name().toLowerCase(Locale.ROOT), e.getMessage());
  }

  private static void error(Context ctx, int status, String code, String message) {
    ctx.status(status).json(new ErrorBody(code, message));
  }

  private static String resource(String name) {
    try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + name, e);
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
