package org.vimana.node.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vimana.agent.client.AgentCapabilities;
import org.vimana.agent.client.AgentClient;
import org.vimana.agent.client.AgentEndpoint;
import org.vimana.agent.client.AgentException;
import org.vimana.agent.client.ClientOptions;
import org.vimana.agent.client.ConnectionListener;
import org.vimana.agent.ext.StatusRequest;
import org.vimana.agent.ext.StatusSnapshot;
import org.vimana.agent.ext.Subscription;
import org.vimana.agent.ext.VimanaCommands;
import org.vimana.agent.json.JsonException;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;
import org.vimana.agent.qga.GuestHostName;
import org.vimana.agent.qga.GuestOsInfo;
import org.vimana.agent.qga.QgaCommands;
import org.vimana.agent.wire.Command;
import org.vimana.agent.wire.Event;
import org.vimana.node.agent.ReadinessMachine.Signal;

/**
 * The agent of one running VM that has a channel: one persistent connection, re-established while
 * the agent does not answer, the push subscription, the liveness check, and the readiness. Blocking
 * work (connecting, pinging) runs on the relay's workers, one task at a time per session.
 */
final class AgentSession {
  private static final Logger log = LoggerFactory.getLogger(AgentSession.class);

  private final String vmId;
  private final AgentEndpoint endpoint;
  private final RelayOptions options;
  private final Clock clock;
  private final Consumer<AgentStatus> publish;
  private final ReadinessMachine readiness;
  private final AtomicBoolean busy = new AtomicBoolean();

  private AgentClient client;
  private GuestViews.Identity identity;
  private JsonObject guestView;
  private Instant lastHeard;
  private Instant nextAttempt;
  private boolean closed;

  AgentSession(
      String vmId,
      AgentEndpoint endpoint,
      RelayOptions options,
      Clock clock,
      Consumer<AgentStatus> publish) {
    this.vmId = Objects.requireNonNull(vmId);
    this.endpoint = Objects.requireNonNull(endpoint);
    this.options = Objects.requireNonNull(options);
    this.clock = Objects.requireNonNull(clock);
    this.publish = Objects.requireNonNull(publish);
    this.readiness = new ReadinessMachine(clock);
    this.nextAttempt = clock.instant();
  }

  /** The VM (re)started or arrived: expect a fresh agent, reconnect at once. */
  void booted() {
    AgentStatus s;
    synchronized (this) {
      if (closed) {
        return;
      }
      readiness.apply(Signal.BOOTED);
      guestView = null;
      nextAttempt = clock.instant();
      s = status();
    }
    publish.accept(s);
  }

  /** Something hints that the agent's state changed (libvirt's agent events): check soon. */
  synchronized void nudge() {
    nextAttempt = clock.instant();
    lastHeard = null;
  }

  synchronized AgentStatus status() {
    return new AgentStatus(
        vmId, readiness.state(), readiness.readyAfter().orElse(null), guestView, clock.instant());
  }

  synchronized Readiness readiness() {
    return readiness.state();
  }

  /** Called by the relay's timer: starts the work that is due, if none is under way. */
  void tick(Executor workers) {
    Runnable work = due();
    if (work == null || !busy.compareAndSet(false, true)) {
      return;
    }
    try {
      workers.execute(
          () -> {
            try {
              work.run();
            } finally {
              busy.set(false);
            }
          });
    } catch (RejectedExecutionException e) {
      busy.set(false);
    }
  }

  private synchronized Runnable due() {
    if (closed) {
      return null;
    }
    Instant now = clock.instant();
    if (readiness.state() != Readiness.READY) {
      return now.isBefore(nextAttempt) ? null : this::connect;
    }
    Duration quiet = lastHeard == null ? Duration.ofDays(1) : Duration.between(lastHeard, now);
    boolean pushes = identity != null && pushes(identity.capabilities());
    Duration limit = pushes ? options.staleAfter() : options.statusInterval();
    return quiet.compareTo(limit) < 0 ? null : this::checkLiveness;
  }

  private static boolean pushes(AgentCapabilities caps) {
    return caps.kind() == AgentCapabilities.Kind.VIMANA;
  }

  /** One attempt to (re)connect, resync, probe and subscribe. */
  private void connect() {
    AgentClient c;
    synchronized (this) {
      c = client;
    }
    try {
      if (c == null) {
        c = AgentClient.connect(endpoint, clientOptions());
        c.addEventListener(this::onEvent);
        if (!adopt(c)) {
          c.close();
          return;
        }
      } else {
        c.reconnect();
      }
      GuestViews.Identity id = identify(c);
      StatusSnapshot first = subscribe(c, id.capabilities());
      answered(id, first);
    } catch (AgentException | RuntimeException e) {
      log.debug("agent of VM {} not answering yet: {}", vmId, e.getMessage());
      silent();
    }
  }

  private synchronized boolean adopt(AgentClient c) {
    if (closed) {
      return false;
    }
    client = c;
    return true;
  }

  private ClientOptions clientOptions() {
    return new ClientOptions(
        options.connectTimeout(),
        options.commandTimeout(),
        ClientOptions.DEFAULT.maxMessageBytes(),
        false,
        new ConnectionListener() {
          @Override
          public void disconnected(String reason) {
            lost(reason);
          }
        });
  }

  private GuestViews.Identity identify(AgentClient c) throws AgentException {
    GuestOsInfo os = optional(() -> c.call(QgaCommands.GET_OSINFO));
    GuestHostName host = optional(() -> c.call(QgaCommands.GET_HOST_NAME));
    return new GuestViews.Identity(c.capabilities(), os, host == null ? null : host.hostName());
  }

  /** A call whose refusal by the guest (policy, older agent) leaves a gap, not a dead agent. */
  private static <T> T optional(AgentCall<T> call) throws AgentException {
    try {
      return call.run();
    } catch (AgentException e) {
      switch (e.kind()) {
        case BLOCKED, UNKNOWN_COMMAND, UNAVAILABLE, FAILED, BAD_ARGUMENTS -> {
          return null;
        }
        default -> throw e;
      }
    }
  }

  @FunctionalInterface
  private interface AgentCall<T> {
    T run() throws AgentException;
  }

  /** Subscribes a Vimana agent to push its status; returns a first snapshot (null for qemu-ga). */
  private StatusSnapshot subscribe(AgentClient c, AgentCapabilities caps) throws AgentException {
    if (!pushes(caps)) {
      return null;
    }
    Subscription.Args args =
        new Subscription.Args(
            options.statusInterval().toMillis(), options.topProcesses(), GuestViews.SECTIONS);
    optional(() -> c.call(VimanaCommands.SUBSCRIBE, args));
    StatusRequest request =
        new StatusRequest(options.topProcesses(), List.of(), GuestViews.SECTIONS);
    return optional(() -> c.call(VimanaCommands.STATUS, request));
  }

  private void answered(GuestViews.Identity id, StatusSnapshot first) {
    AgentStatus s;
    synchronized (this) {
      if (closed) {
        return;
      }
      Readiness before = readiness.state();
      identity = id;
      if (first != null || guestView == null) {
        guestView = GuestViews.of(id, first);
      }
      lastHeard = clock.instant();
      readiness.apply(Signal.ANSWERED);
      s = status();
      if (before != Readiness.READY) {
        log.info(
            "agent of VM {} ready ({}){}",
            vmId,
            id.capabilities().describe(),
            s.readyAfter() == null ? "" : " " + s.readyAfter().toMillis() + " ms after start");
      }
    }
    publish.accept(s);
  }

  /** Pushes stopped (or a qemu-ga's ping is due): ping, and renew the subscription. */
  private void checkLiveness() {
    AgentClient c;
    GuestViews.Identity id;
    synchronized (this) {
      c = client;
      id = identity;
    }
    if (c == null || id == null) {
      silent();
      return;
    }
    try {
      c.call(QgaCommands.PING, Command.NoArgs.INSTANCE, options.pingTimeout());
      answered(id, subscribe(c, id.capabilities()));
    } catch (AgentException | RuntimeException e) {
      log.warn("agent of VM {} stopped answering: {}", vmId, e.getMessage());
      silent();
    }
  }

  private void silent() {
    AgentStatus s;
    synchronized (this) {
      if (closed) {
        return;
      }
      boolean changed = readiness.apply(Signal.SILENT);
      nextAttempt = clock.instant().plus(options.retryInterval());
      if (!changed) {
        return;
      }
      s = status();
    }
    publish.accept(s);
  }

  /** The connection dropped (agent gone, VM gone, or our own reconnect closing the old one). */
  private void lost(String reason) {
    AgentClient c;
    synchronized (this) {
      c = client;
    }
    if (c != null && c.isConnected()) {
      return; // an old connection closing behind a new one
    }
    log.debug("agent connection of VM {} lost: {}", vmId, reason);
    silent();
  }

  private void onEvent(Event e) {
    if (!e.name().equals(VimanaCommands.EVENT_STATUS)) {
      return;
    }
    StatusSnapshot snapshot;
    try {
      snapshot = StatusSnapshot.fromJson(e.data());
    } catch (JsonException ex) {
      log.warn("agent of VM {} pushed a malformed status: {}", vmId, ex.getMessage());
      return;
    }
    AgentStatus s;
    synchronized (this) {
      if (closed || identity == null) {
        return;
      }
      guestView = GuestViews.of(identity, snapshot);
      lastHeard = clock.instant();
      readiness.apply(Signal.ANSWERED);
      s = status();
    }
    publish.accept(s);
  }

  /** Runs an operator's command over the persistent connection. */
  JsonValue call(String command, JsonObject args, Duration timeout) throws AgentException {
    AgentClient c;
    Readiness r;
    synchronized (this) {
      c = client;
      r = readiness.state();
    }
    if (c == null || (r == Readiness.WAITING && !c.isConnected())) {
      throw new AgentException(
          AgentException.Kind.UNREACHABLE,
          command,
          "the agent of VM " + vmId + " has not answered since the VM started (" + r + ")");
    }
    JsonValue v = c.call(command, args, timeout);
    synchronized (this) {
      lastHeard = clock.instant();
    }
    return v;
  }

  /** The VM stopped or left: close the connection; the manager is told NO_CHANNEL. */
  void close() {
    AgentClient c;
    AgentStatus s;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      c = client;
      client = null;
      readiness.apply(Signal.STOPPED);
      guestView = null;
      s = status();
    }
    if (c != null) {
      c.close();
    }
    publish.accept(s);
  }
}
