package org.vimana.manager.store;

import java.time.Instant;
import org.vimana.core.host.HostInfo;

/** A registered host as stored. Connectivity is not stored: it is live session state. */
public record HostRecord(
    String id, HostInfo info, boolean maintenance, Instant registeredAt, Instant lastSeen) {
  public String name() {
    return info.name();
  }
}
