package org.vimana.manager.api;

import io.javalin.Javalin;

/** The routes of one resource. */
public interface Routes {
  void register(Javalin app);
}
