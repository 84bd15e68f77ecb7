package org.vimana.dist.cluster;

import java.util.List;

/** The cluster scenario on the manager's default embedded H2 database; assertions in the base. */
class H2ClusterIT extends ClusterScenario {
  @Override
  List<String> databaseArgs() {
    return List.of();
  }
}
