package org.vimana.manager.store;

/** A name that must be unique is already in use. */
public class DuplicateNameException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DuplicateNameException(String message, Throwable cause) {
    super(message, cause);
  }
}
