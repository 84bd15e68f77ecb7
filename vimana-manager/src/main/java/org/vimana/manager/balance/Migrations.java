package org.vimana.manager.balance;

import java.util.Optional;
import org.vimana.manager.inventory.InventoryException;

/** What the executor needs of live migration: start one, and learn how it ended. */
public interface Migrations {
  /** How a migration ended. */
  record Outcome(boolean succeeded, String message) {}

  /**
   * Starts moving VM {@code vmId} to host {@code targetHost} (a name); returns the migration's id.
   *
   * @throws InventoryException when the migration's pre-checks refuse it
   */
  String start(String vmId, String targetHost);

  /** Empty while the migration runs; its outcome once it has ended. */
  Optional<Outcome> outcome(String migrationId);
}
