package org.vimana.manager.cluster;

import org.vimana.manager.ManagerConfig;

/** The balancing scenario on the embedded H2 database; the steps and assertions are in the base. */
class H2BalanceIT extends BalanceScenario {
  @Override
  ManagerConfig database(ManagerConfig config) {
    return config;
  }
}
