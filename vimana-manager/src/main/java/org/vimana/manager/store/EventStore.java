package org.vimana.manager.store;

import java.util.List;
import org.vimana.api.model.EventView;

/** The event history (VM lifecycle, host up/down, operator actions). */
public interface EventStore {
  /** Appends an event; the id of {@code e} is ignored. */
  void append(EventView e);

  /** Newest first; {@code vmId} null for all. */
  List<EventView> recent(String vmId, int limit);
}
