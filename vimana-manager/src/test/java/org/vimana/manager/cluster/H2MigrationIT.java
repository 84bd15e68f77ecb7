package org.vimana.manager.cluster;

import org.vimana.manager.ManagerConfig;

/** The migration scenario on the embedded H2 database; the steps and assertions are in the base. */
class H2MigrationIT extends MigrationScenario {
  @Override
  ManagerConfig database(ManagerConfig config) {
    return config;
  }
}
