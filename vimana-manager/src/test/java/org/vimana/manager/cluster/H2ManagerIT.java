package org.vimana.manager.cluster;

import org.vimana.manager.ManagerConfig;

/** The manager scenario on the default embedded H2 file database; assertions in the base. */
class H2ManagerIT extends ManagerScenario {
  @Override
  ManagerConfig database(ManagerConfig config) {
    return config;
  }
}
