package org.vimana.manager.cluster;

import org.vimana.manager.ManagerConfig;

/**
 * The guest agent scenario on the embedded H2 database; the steps and assertions are in the base.
 */
class H2AgentIT extends AgentScenario {
  @Override
  ManagerConfig database(ManagerConfig config) {
    return config;
  }
}
