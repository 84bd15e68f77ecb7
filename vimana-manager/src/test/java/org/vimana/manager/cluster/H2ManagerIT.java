package org.vimana.manager.cluster;

import org.vimana.manager.ManagerConfig;

/** The manager scenario on the default embedded H2 file database. */
class H2ManagerIT extends ManagerScenario {
  @Override
  ManagerConfig database(ManagerConfig config) {
    return config;
  }
}
