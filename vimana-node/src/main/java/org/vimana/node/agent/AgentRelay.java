package org.vimana.node.agent;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vimana.agent.client.AgentEndpoint;
import org.vimana.agent.client.AgentException;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.event.VmEvent;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;
import org.vimana.node.telemetry.Outbox;
import org.vimana.rpc.NodeMessage;

/**
 * The guest agents of one host: a session per running VM that has an agent channel, opened when the
 * VM runs and closed when it stops or leaves; VM events (start, reboot, migration arrival) restart
 * a session's readiness and reconnect it at once. Readiness changes and pushed guest views go to
 * the manager's current connection; a new connection gets every session's latest status.
 */
public final class AgentRelay implements Consumer<VmEvent>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentRelay.class);
  private static final long TICK_MS = 200;

  private final Hypervisor hypervisor;
  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final Executor workers;
  private final RelayOptions options;
  private final Map<String, AgentSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, AgentStatus> latest = new ConcurrentHashMap<>();
  private volatile Outbox target;
  private volatile boolean closed;
  private ScheduledFuture<?> ticker;
  private ScheduledFuture<?> sweeper;

  public AgentRelay(
      Hypervisor hypervisor,
      Clock clock,
      ScheduledExecutorService timers,
      Executor workers,
      RelayOptions options) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
    this.clock = Objects.requireNonNull(clock);
    this.timers = Objects.requireNonNull(timers);
    this.workers = Objects.requireNonNull(workers);
    this.options = Objects.requireNonNull(options);
  }

  /** Finds the running VMs and starts checking their agents. Register it as a listener too. */
  public synchronized void start() {
    if (ticker != null || closed) {
      return;
    }
    ticker = timers.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    long sweep = options.sweepInterval().toMillis();
    sweeper =
        timers.scheduleWithFixedDelay(() -> onWorker(this::sweep), 0, sweep, TimeUnit.MILLISECONDS);
  }

  /** Sends statuses to {@code outbox} from now on, starting with every session's latest. */
  public void target(Outbox outbox) {
    this.target = outbox;
    if (outbox != null) {
      latest.values().forEach(s -> outbox.send(message(s)));
    }
  }

  /** The latest status of a VM's agent (NO_CHANNEL when it has no session). */
  public AgentStatus status(String vmId) {
    AgentStatus s = latest.get(vmId);
    return s != null ? s : new AgentStatus(vmId, Readiness.NO_CHANNEL, null, null, clock.instant());
  }

  /** A hypervisor event: runs off the driver's thread. */
  @Override
  public void accept(VmEvent event) {
    onWorker(() -> onEvent(event));
  }

  /**
   * Runs one agent command on the VM's persistent connection.
   *
   * @throws AgentException UNREACHABLE when the VM runs no session here (no channel, not running)
   */
  public JsonValue execute(String vmId, String command, JsonObject args, Duration timeout)
      throws AgentException {
    AgentSession s = sessions.get(vmId);
    if (s == null) {
      throw new AgentException(
          AgentException.Kind.UNREACHABLE,
          command,
          "VM " + vmId + " has no guest agent channel on this host (not running, or none defined)");
    }
    return s.call(command, args, timeout);
  }

  private void onEvent(VmEvent e) {
    switch (e.type()) {
      case STARTED, REBOOTED, MIGRATED -> reconcile(e.vmId(), true);
      case STOPPED, SHUTDOWN, CRASHED, UNDEFINED, STATE_CHANGED, RESUMED ->
          reconcile(e.vmId(), false);
      case AGENT_CONNECTED, AGENT_DISCONNECTED -> {
        AgentSession s = sessions.get(e.vmId());
        if (s != null) {
          s.nudge();
        }
      }
      default -> {}
    }
  }

  /**
   * Makes the sessions match the hypervisor for one VM: a session while it runs here with a
   * channel, none otherwise. {@code booted}: it (re)started or arrived, so its agent is new.
   */
  private synchronized void reconcile(String vmId, boolean booted) {
    if (closed) {
      return;
    }
    Optional<VmStatus> vm;
    Optional<Path> socket = Optional.empty();
    try {
      vm = hypervisor.find(vmId);
      if (vm.isPresent() && runs(vm.get().state())) {
        socket = hypervisor.agentSocket(vmId);
      }
    } catch (HypervisorException | RuntimeException e) {
      log.warn("cannot look up VM {} for its agent: {}", vmId, e.getMessage());
      return;
    }
    ensure(vmId, socket.orElse(null), booted);
  }

  private void ensure(String vmId, Path socket, boolean booted) {
    AgentSession s = sessions.get(vmId);
    if (socket == null) {
      if (s != null) {
        sessions.remove(vmId);
        s.close();
      }
      return;
    }
    if (s == null) {
      s = new AgentSession(vmId, AgentEndpoint.unix(socket), options, clock, this::publish);
      sessions.put(vmId, s);
      s.booted();
    } else if (booted) {
      s.booted();
    }
  }

  /** A guest runs (or is on its way in or out, when its agent may still answer). */
  private static boolean runs(VmState state) {
    return state.consumesResources();
  }

  /** Catches what events missed: sessions for running VMs, none for the others. */
  private synchronized void sweep() {
    if (closed) {
      return;
    }
    Set<String> running = new HashSet<>();
    try {
      for (VmStatus vm : hypervisor.list()) {
        if (runs(vm.state())) {
          running.add(vm.id());
          if (!sessions.containsKey(vm.id())) {
            ensure(vm.id(), hypervisor.agentSocket(vm.id()).orElse(null), true);
          }
        }
      }
    } catch (HypervisorException | RuntimeException e) {
      log.warn("cannot list the VMs for their agents: {}", e.getMessage());
      return;
    }
    for (String id : Set.copyOf(sessions.keySet())) {
      if (!running.contains(id)) {
        ensure(id, null, false);
      }
    }
  }

  private void tick() {
    for (AgentSession s : sessions.values()) {
      s.tick(workers);
    }
  }

  private void publish(AgentStatus s) {
    if (s.readiness() == Readiness.NO_CHANNEL) {
      latest.remove(s.vmId());
    } else {
      latest.put(s.vmId(), s);
    }
    Outbox t = target;
    if (t != null) {
      t.send(message(s));
    }
  }

  private static NodeMessage message(AgentStatus s) {
    return NodeMessage.newBuilder().setAgentStatus(s.toWire()).build();
  }

  private void onWorker(Runnable r) {
    try {
      workers.execute(r);
    } catch (RejectedExecutionException e) {
      log.debug("agent relay work rejected: {}", e.getMessage());
    }
  }

  /** Closes every agent connection; the VMs and their agents go on. */
  @Override
  public synchronized void close() {
    closed = true;
    if (ticker != null) {
      ticker.cancel(false);
      sweeper.cancel(false);
    }
    target = null;
    sessions.values().forEach(AgentSession::close);
    sessions.clear();
  }
}
