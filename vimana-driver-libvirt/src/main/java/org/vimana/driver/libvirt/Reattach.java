package org.vimana.driver.libvirt;

import java.time.Duration;
import java.util.Map;
import org.libvirt.LibvirtException;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.event.VmEventType;
import org.vimana.core.vm.VmState;
import org.vimana.driver.libvirt.connection.Reconnector;
import org.vimana.driver.libvirt.event.EventBridge;
import org.vimana.driver.libvirt.stats.StatsConnect;

/**
 * What a reconnection to libvirtd redoes: event callbacks move to the new connection, and the state
 * changes missed while libvirtd was away (a guest that powered off meanwhile) are reported as
 * STATE_CHANGED events, so that the manager's inventory follows. Runs on the connection's watcher.
 */
final class Reattach implements Reconnector.Listener<StatsConnect> {
  private static final System.Logger LOG = System.getLogger(Reattach.class.getName());

  private final Domains domains;
  private final EventBridge events;

  Reattach(Domains domains, EventBridge events) {
    this.domains = domains;
    this.events = events;
  }

  @Override
  public void lost(String why) {
    events.detach();
  }

  @Override
  public void reconnected(StatsConnect connection, Duration down) {
    try {
      events.attach(connection);
    } catch (LibvirtException e) {
      // If the new connection died already, the next probe reconnects and this runs again.
      LOG.log(System.Logger.Level.WARNING, "cannot subscribe to libvirt events again", e);
      return;
    }
    Map<String, VmState> changed;
    try {
      changed = domains.resync();
    } catch (HypervisorException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot list domains after reconnecting", e);
      return;
    }
    changed.forEach(
        (vmId, state) ->
            events.emit(
                vmId,
                VmEventType.STATE_CHANGED,
                state,
                "found "
                    + state.wireName()
                    + " when libvirtd came back after "
                    + down.toMillis()
                    + " ms"));
  }
}
