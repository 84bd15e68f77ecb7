package org.vimana.manager.node;

import org.vimana.core.driver.MigrationProgress;

/** What the node link tells the migration service while a migration runs. */
public interface MigrationReports {
  /** The source host {@code hostId} reports how far migration {@code migrationId} is. */
  void progress(String hostId, String migrationId, MigrationProgress progress);
}
