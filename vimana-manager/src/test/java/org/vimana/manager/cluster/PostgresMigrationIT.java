package org.vimana.manager.cluster;

import org.vimana.manager.ManagerConfig;

/** The migration scenario on PostgreSQL; the steps and assertions are in the base. */
class PostgresMigrationIT extends MigrationScenario {
  private final PostgresTestDatabase db = new PostgresTestDatabase();

  @Override
  ManagerConfig database(ManagerConfig config) {
    return db.apply(config);
  }
}
