package org.vimana.guest.command;

/** Thrown by a handler when a finer policy rule refuses the call (e.g. open for writing). */
public final class CommandDisabledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CommandDisabledException(String message) {
    super(message);
  }
}
