package org.vimana.manager.store;

import java.util.List;
import java.util.Optional;

/** Live migrations, running and ended. */
public interface MigrationStore {
  void insert(MigrationRecord m);

  /** Replaces the row with the same id. */
  void update(MigrationRecord m);

  Optional<MigrationRecord> find(String id);

  /** Newest first; {@code vmId} null for every VM. */
  List<MigrationRecord> recent(String vmId, int limit);
}
