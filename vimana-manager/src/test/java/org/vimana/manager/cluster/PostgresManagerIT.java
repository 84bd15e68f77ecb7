package org.vimana.manager.cluster;

import org.vimana.manager.ManagerConfig;

/**
 * The manager scenario on a real PostgreSQL server, each test in a database of its own. The steps
 * and their assertions are in {@link ManagerScenario}.
 */
class PostgresManagerIT extends ManagerScenario {
  private final PostgresTestDatabase db = new PostgresTestDatabase();

  @Override
  ManagerConfig database(ManagerConfig config) {
    return db.apply(config);
  }
}
