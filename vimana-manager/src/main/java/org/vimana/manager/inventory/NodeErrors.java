package org.vimana.manager.inventory;

import org.vimana.manager.inventory.InventoryException.Kind;
import org.vimana.rpc.CommandResult;

/** Turns a node's refusal into the inventory's words. */
final class NodeErrors {
  private NodeErrors() {}

  static InventoryException toException(CommandResult r, String what) {
    Kind kind =
        switch (r.getError()) {
          case ERROR_NOT_FOUND -> Kind.NOT_FOUND;
          case ERROR_ALREADY_EXISTS -> Kind.CONFLICT;
          case ERROR_INVALID_STATE -> Kind.INVALID_STATE;
          case ERROR_NO_CAPACITY -> Kind.NO_CAPACITY;
          case ERROR_BAD_REQUEST -> Kind.INVALID;
          case ERROR_UNSUPPORTED -> Kind.UNSUPPORTED;
          case ERROR_NONE, ERROR_FAILED, UNRECOGNIZED -> Kind.NODE_FAILED;
        };
    return new InventoryException(kind, "cannot " + what + ": " + r.getMessage());
  }
}
