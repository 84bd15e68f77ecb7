package org.vimana.manager.inventory;

import java.util.List;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.HostStore;

/** Hosts as operators manage them. */
public final class HostService {
  private final HostStore hosts;
  private final EventLog events;

  public HostService(HostStore hosts, EventLog events) {
    this.hosts = hosts;
    this.events = events;
  }

  public List<HostRecord> list() {
    return hosts.list();
  }

  public HostRecord get(String idOrName) {
    return hosts.find(idOrName).orElseThrow(() -> InventoryException.notFound("host", idOrName));
  }

  public HostRecord setMaintenance(String idOrName, boolean on) {
    HostRecord h = get(idOrName);
    if (h.maintenance() != on) {
      hosts.setMaintenance(h.id(), on);
      events.host(
          h, on ? "MAINTENANCE_ON" : "MAINTENANCE_OFF", "maintenance " + (on ? "on" : "off"));
    }
    return get(h.id());
  }
}
