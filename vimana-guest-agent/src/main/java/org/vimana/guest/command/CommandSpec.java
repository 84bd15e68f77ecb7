package org.vimana.guest.command;

import java.util.Objects;

/**
 * A command the agent offers.
 *
 * @param successResponse false when success sends no reply (guest-shutdown)
 */
public record CommandSpec(String name, Handler handler, boolean successResponse) {
  public CommandSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(handler, "handler");
  }

  public static CommandSpec of(String name, Handler handler) {
    return new CommandSpec(name, handler, true);
  }
}
