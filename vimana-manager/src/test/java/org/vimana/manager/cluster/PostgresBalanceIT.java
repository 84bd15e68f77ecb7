package org.vimana.manager.cluster;

import org.vimana.manager.ManagerConfig;

/** The balancing scenario on PostgreSQL; the steps and assertions are in the base. */
class PostgresBalanceIT extends BalanceScenario {
  private final PostgresTestDatabase db = new PostgresTestDatabase();

  @Override
  ManagerConfig database(ManagerConfig config) {
    return db.apply(config);
  }
}
