package org.vimana.driver.libvirt.event;

import com.sun.jna.Pointer;
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
import org.vimana.driver.libvirt.stats.LibvirtNative;
import org.vimana.driver.libvirt.stats.StatsConnect;

/**
 * Subscribes to a connection's domain events and passes them on as {@link VmEvent}s. The VM id is
 * the domain UUID. After a reconnection the bridge is {@link #attach attached} to the new
 * connection; its listeners stay. A failing listener is logged and does not stop the others.
 *
 * <p>Watchdog events (VIR_DOMAIN_EVENT_ID_WATCHDOG), which libvirt-java 0.5.x does not wrap, are
 * registered through JNA ({@link StatsConnect#registerWatchdogCallback}) on the same connection, so
 * only when it is a {@link StatsConnect} (the driver's always is).
 */
public final class EventBridge implements AutoCloseable {
  /** libvirt's VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_CONNECTED. */
  private static final int AGENT_CONNECTED = 1;

  /** virDomainEventWatchdogAction's names, by value (include/libvirt/libvirt-domain.h). */
  private static final List<String> WATCHDOG_ACTIONS =
      List.of("none", "pause", "reset", "poweroff", "shutdown", "debug", "inject-nmi");

  private static final System.Logger LOG = System.getLogger(EventBridge.class.getName());

  private final Clock clock;
  private final List<Consumer<VmEvent>> listeners = new CopyOnWriteArrayList<>();
  private final StateLookup states;
  private final LifecycleListener lifecycle = this::onLifecycle;
  private final RebootListener reboot = this::onReboot;
  private final IOErrorListener ioError = this::onIoError;
  private final AgentLifecycleListener agent = this::onAgent;
  // A field, not a lambda made at registration: libvirt keeps only the native stub's address, so
  // the Java object must stay reachable while it is registered.
  private final LibvirtNative.WatchdogCallback watchdog = this::onWatchdog;
  private volatile Connect attached;
  private int watchdogCallbackId = -1;

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
    if (connect instanceof StatsConnect sc) {
      try {
        watchdogCallbackId = sc.registerWatchdogCallback(watchdog);
      } catch (StatsConnect.StatsException e) {
        LOG.log(System.Logger.Level.WARNING, "no watchdog events: " + e.getMessage());
      }
    }
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

  /** The message of a WATCHDOG event for libvirt's action value. */
  static String watchdogMessage(int action) {
    String name =
        action >= 0 && action < WATCHDOG_ACTIONS.size()
            ? WATCHDOG_ACTIONS.get(action)
            : "unknown action " + action;
    return "watchdog fired, action " + name;
  }

  // On libvirt's event loop thread; an exception must not escape into native code.
  private void onWatchdog(Pointer conn, Pointer dom, int action, Pointer opaque) {
    try {
      String id = StatsConnect.uuidOf(dom);
      Connect c = attached;
      VmState state = VmState.RUNNING;
      if (c != null) {
        try {
          state = states.stateOf(c.domainLookupByUUIDString(id));
        } catch (LibvirtException e) {
          LOG.log(System.Logger.Level.DEBUG, "watchdog event: cannot look up " + id, e);
        }
      }
      emit(id, VmEventType.WATCHDOG, state, watchdogMessage(action));
    } catch (StatsConnect.StatsException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot pass on a watchdog event", e);
    }
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
    int watchdogId = watchdogCallbackId;
    watchdogCallbackId = -1;
    if (watchdogId >= 0 && c instanceof StatsConnect sc) {
      try {
        sc.deregisterDomainEvent(watchdogId);
      } catch (StatsConnect.StatsException | RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "cannot unregister the watchdog callback", e);
      }
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
