package org.vimana.manager.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.vimana.core.host.HostInfo;

/** Registered hosts. */
public interface HostStore {
  /** Registers a new host or refreshes what an existing one (same name) reports. */
  HostRecord upsert(HostInfo info, Instant now);

  Optional<HostRecord> find(String idOrName);

  List<HostRecord> list();

  void setMaintenance(String id, boolean maintenance);

  void touch(String id, Instant lastSeen);
}
