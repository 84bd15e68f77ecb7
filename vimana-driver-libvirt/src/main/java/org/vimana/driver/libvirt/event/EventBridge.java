package org.vimana.driver.libvirt.event;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.event.AgentLifecycleListener;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.IOErrorAction;
import org.libvirt.event.IOErrorListener;
import org.libvirt.event.LifecycleListener;
import org.libvirt.event.RebootListener;
import org.vimana.core.event.VmEvent;
import org.vimana.core.event.VmEventType;
import org.vimana.core.vm.VmState;
import org.vimana.driver.libvirt.States;

/**
 * Subscribes to a connection's domain events and passes them on as {@link VmEvent}s. The VM id is
 * the domain UUID. After a reconnection the bridge is {@link #attach attached} to the new
 * connection; its listeners stay. A failing listener is logged and does not stop the others.
 */
public final class EventBridge implements AutoCloseable {
  /** libvirt's VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_CONNECTED. */
  private static final int AGENT_CONNECTED = 1;

  private static final System.Logger LOG = System.getLogger(EventBridge.class.getName());

  private final Clock clock;
  private final List<Consumer<VmEvent>> listeners = new CopyOnWriteArrayList<>();
  private final StateLookup states;
  private final LifecycleListener lifecycle = this::onLifecycle;
  private final RebootListener reboot = this::onReboot;
  private final IOErrorListener ioError = this::onIoError;
  private final AgentLifecycleListener agent = this::onAgent;
  private Connect attached;

  /** How the bridge learns a domain's current state for the event it emits. */
  public interface StateLookup {
    VmState stateOf(Domain domain);
  }

  public EventBridge(Clock clock, StateLookup states) {
    this.clock = clock;
    this.states = states;
  }

  /**
   * Receives {@code connect}'s events from now on, and no longer those of the connection attached
   * before (a lost one: its callbacks are dropped on a best-effort basis).
   */
  public synchronized void attach(Connect connect) throws LibvirtException {
    detach();
    connect.addLifecycleListener(lifecycle);
    connect.addRebootListener(reboot);
    connect.addIOErrorListener(ioError);
    connect.addAgentLifecycleListener(agent);
    attached = connect;
  }

  public void addListener(Consumer<VmEvent> listener) {
    listeners.add(listener);
  }

  /** Emits an event the driver itself observed (migration start and end). */
  public void emit(String vmId, VmEventType type, VmState state, String message) {
    VmEvent event = new VmEvent(vmId, type, state, clock.instant(), message);
    for (Consumer<VmEvent> l : listeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "VM event listener failed on " + event, e);
      }
    }
  }

  private int onLifecycle(Domain domain, DomainEvent event) {
    emit(domain, States.eventType(event), event.toString());
    return 0;
  }

  private void onReboot(Domain domain) {
    emit(domain, VmEventType.REBOOTED, "");
  }

  private void onIoError(Domain domain, String path, String alias, IOErrorAction action) {
    emit(domain, VmEventType.IO_ERROR, path + " (" + alias + "): " + action);
  }

  private void onAgent(Domain domain, int state, int reason) {
    VmEventType type =
        state == AGENT_CONNECTED ? VmEventType.AGENT_CONNECTED : VmEventType.AGENT_DISCONNECTED;
    emit(domain, type, "reason " + reason);
  }

  private void emit(Domain domain, VmEventType type, String message) {
    String id;
    try {
      id = domain.getUUIDString();
    } catch (LibvirtException e) {
      LOG.log(System.Logger.Level.WARNING, "event " + type + " for an unknown domain", e);
      return;
    }
    emit(id, type, states.stateOf(domain), message);
  }

  /**
   * Unregisters from the attached connection, also a lost one, so that libvirt can free it
   * (libvirt-java 0.5.x cannot remove reboot callbacks).
   */
  public synchronized void detach() {
    Connect c = attached;
    attached = null;
    if (c == null) {
      return;
    }
    try {
      c.removeLifecycleListener(lifecycle);
      c.removeIOErrorListener(ioError);
      c.removeAgentLifecycleListener(agent);
    } catch (LibvirtException | RuntimeException e) {
      // A lost connection cannot be told; its callbacks die with it.
      LOG.log(System.Logger.Level.DEBUG, "cannot unregister libvirt event callbacks", e);
    }
  }

  @Override
  public synchronized void close() {
    detach();
  }
}
