package org.vimana.manager.inventory;

/** An operation the inventory refuses, with the kind of refusal and a message naming why. */
public class InventoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Kinds of refusal; the API maps each to one status code. */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT,
    INVALID_STATE,
    NO_CAPACITY,
    HOST_UNAVAILABLE,
    NODE_FAILED,
    /** The host's driver cannot do it. */
    UNSUPPORTED
  }

  private final Kind kind;

  public InventoryException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  static InventoryException notFound(String what, String idOrName) {
    return new InventoryException(Kind.NOT_FOUND, "no " + what + " '" + idOrName + "'");
  }
}
