package org.vimana.node.link;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.node.NodeConfig;
import org.vimana.node.NodeState;
import org.vimana.node.agent.AgentRelay;
import org.vimana.node.agent.RelayOptions;
import org.vimana.node.command.CommandDispatcher;
import org.vimana.node.command.CommandRunner;
import org.vimana.node.telemetry.EventRelay;
import org.vimana.node.telemetry.Intervals;
import org.vimana.node.telemetry.Telemetry;
import org.vimana.rpc.Command;
import org.vimana.rpc.Hello;
import org.vimana.rpc.ManagerMessage;
import org.vimana.rpc.NodeLinkGrpc;
import org.vimana.rpc.NodeMessage;
import org.vimana.rpc.Welcome;
import org.vimana.rpc.mapping.WireMapper;

/**
 * Keeps one stream to the manager open and serves it. Each connection opens with a Hello carrying
 * the full inventory (the resynchronisation); a lost connection is re-dialled with capped
 * exponential backoff and never touches the hypervisor or its VMs; a refused join token ends the
 * retries for good ({@link NodeState#REJECTED}).
 */
public final class ManagerLink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ManagerLink.class);
  private static final String VERSION = "0.1.0";

  /** How long the manager may take to end the call after we half-closed it on close(). */
  private static final long CLOSE_GRACE_MS = 2_000;

  private final NodeConfig config;
  private final Hypervisor hypervisor;
  private final NodeLinkGrpc.NodeLinkStub stub;
  private final Clock clock;
  private final CommandRunner commands;
  private final EventRelay events = new EventRelay();
  private final AgentRelay agents;
  private final Backoff backoff;

  private Stream current;
  private ScheduledFuture<?> retry;
  private NodeState state = NodeState.CONNECTING;
  private String hostId;
  private String rejection;

  /** Attempts that failed since the last Welcome; only the first is logged as a warning. */
  private int failedAttempts;

  public ManagerLink(NodeConfig config, Hypervisor hypervisor, Channel channel, Clock clock) {
    this.config = Objects.requireNonNull(config);
    this.hypervisor = Objects.requireNonNull(hypervisor);
    this.stub = NodeLinkGrpc.newStub(Objects.requireNonNull(channel));
    this.clock = Objects.requireNonNull(clock);
    this.agents =
        new AgentRelay(
            hypervisor, clock, NodeThreads.TIMERS, NodeThreads.WORKERS, RelayOptions.DEFAULT);
    this.commands =
        new CommandRunner(
            new CommandDispatcher(hypervisor, events::forward, agents),
            NodeThreads.WORKERS,
            config.commandTimeout());
    this.backoff = new Backoff(config.reconnectDelay());
    hypervisor.addListener(events);
    hypervisor.addListener(agents);
  }

  /** Dials the manager; returns once the Hello is on its way (or a retry is scheduled). */
  public void start() {
    agents.start();
    connect();
  }

  public synchronized NodeState state() {
    return state;
  }

  public synchronized Optional<String> hostId() {
    return Optional.ofNullable(hostId);
  }

  public synchronized Optional<String> rejection() {
    return Optional.ofNullable(rejection);
  }

  /** Waits until the link is in one of {@code wanted}, or the timeout passes; returns the state. */
  public synchronized NodeState await(Duration timeout, NodeState... wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (NodeState w : wanted) {
        if (state == w) {
          return state;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return state;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  private void connect() {
    Stream stream;
    synchronized (this) {
      if (state == NodeState.CLOSED || state == NodeState.REJECTED) {
        return;
      }
      setState(NodeState.CONNECTING);
      stream = new Stream();
      current = stream;
      // From here on, events queue up behind the Hello, so none is lost while we list the VMs.
      events.target(stream);
      agents.target(stream);
    }
    NodeMessage hello;
    try {
      hello = NodeMessage.newBuilder().setHello(hello()).build();
    } catch (HypervisorException | RuntimeException e) {
      log.warn("cannot list the VMs of host {}, retrying: {}", config.name(), e.getMessage());
      lost(stream, e);
      return;
    }
    try {
      Incoming incoming = new Incoming(stream);
      stub.connect(incoming);
      stream.open(incoming.call, hello);
    } catch (RuntimeException e) {
      log.warn("cannot open a stream to the manager at {}: {}", config.managerAddress(), e);
      lost(stream, e);
    }
  }

  private Hello hello() throws HypervisorException {
    return Hello.newBuilder()
        .setJoinToken(config.joinToken())
        .setHost(WireMapper.toWire(hypervisor.host()))
        .addAllVms(hypervisor.list().stream().map(WireMapper::toWire).toList())
        .setNodeVersion(VERSION)
        .build();
  }

  /** What the manager sends on one connection. Callbacks come serialized from gRPC. */
  private final class Incoming implements ClientResponseObserver<NodeMessage, ManagerMessage> {
    private final Stream stream;
    private ClientCallStreamObserver<NodeMessage> call;

    Incoming(Stream stream) {
      this.stream = stream;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<NodeMessage> requestStream) {
      this.call = requestStream;
    }

    @Override
    public void onNext(ManagerMessage m) {
      try {
        switch (m.getBodyCase()) {
          case WELCOME -> welcomed(stream, m.getWelcome());
          case COMMAND -> run(stream, m.getCommand());
          case BODY_NOT_SET -> log.warn("ignoring an empty message from the manager");
        }
      } catch (RuntimeException e) {
        // Whatever the manager sent, the node keeps serving.
        log.error("failed to handle a message from the manager: {}", m, e);
      }
    }

    @Override
    public void onError(Throwable t) {
      lost(stream, t);
    }

    @Override
    public void onCompleted() {
      lost(stream, null);
    }
  }

  private synchronized void welcomed(Stream stream, Welcome w) {
    if (stream != current || stream.ended()) {
      return;
    }
    if (w.getHostId().isEmpty()) {
      log.warn("the manager's welcome carries no host id; keeping {}", hostId);
    } else {
      hostId = w.getHostId();
    }
    backoff.reset();
    failedAttempts = 0;
    Intervals intervals = Intervals.ofMillis(w.getHeartbeatIntervalMs(), w.getStatsIntervalMs());
    stream.telemetry(
        Telemetry.start(
            hypervisor, stream, clock, NodeThreads.TIMERS, NodeThreads.WORKERS, intervals));
    if (state != NodeState.CONNECTED) {
      log.info("connected to the manager at {} as host {}", config.managerAddress(), hostId);
    }
    setState(NodeState.CONNECTED);
  }

  private void run(Stream stream, Command command) {
    commands.submit(command, r -> stream.send(NodeMessage.newBuilder().setResult(r).build()));
  }

  private synchronized void lost(Stream stream, Throwable t) {
    if (stream != current || state == NodeState.CLOSED || state == NodeState.REJECTED) {
      stream.finished();
      return;
    }
    stream.finished();
    events.target(null);
    agents.target(null);
    Status status = t == null ? Status.OK : Status.fromThrowable(t);
    if (status.getCode() == Status.Code.UNAUTHENTICATED) {
      rejection = status.getDescription() == null ? "join token rejected" : status.getDescription();
      log.error(
          "join token rejected by the manager at {}: {}; not retrying",
          config.managerAddress(),
          rejection);
      setState(NodeState.REJECTED);
      return;
    }
    Duration delay = Backoff.spread(backoff.next(), ThreadLocalRandom.current().nextDouble());
    String why = t == null ? "stream ended" : describe(status);
    if (state == NodeState.CONNECTED) {
      failedAttempts = 1;
      log.warn(
          "lost the manager at {} ({}); VMs keep running, reconnecting in {} ms",
          config.managerAddress(),
          why,
          delay.toMillis());
    } else if (failedAttempts++ == 0) {
      log.warn(
          "cannot reach the manager at {} ({}); retrying in {} ms, then with backoff up to {} s",
          config.managerAddress(),
          why,
          delay.toMillis(),
          Backoff.MAX.toSeconds());
    } else {
      // One line per lost connection, not one per attempt: a thousand nodes retry at once.
      log.debug("attempt {} to reach {} failed ({})", failedAttempts, config.managerAddress(), why);
    }
    setState(NodeState.DISCONNECTED);
    retry = NodeThreads.TIMERS.schedule(this::redial, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Dials again on a worker: listing the inventory calls the hypervisor, timers must not. */
  private void redial() {
    try {
      NodeThreads.WORKERS.execute(this::connect);
    } catch (RejectedExecutionException e) {
      log.warn("cannot reconnect host {}: {}", config.name(), e.getMessage());
    }
  }

  /** One line for the log: code, description and the root cause's message, no stack trace. */
  private static String describe(Status status) {
    Throwable root = status.getCause();
    while (root != null && root.getCause() != null) {
      root = root.getCause();
    }
    return status.getCode()
        + (status.getDescription() == null ? "" : ": " + status.getDescription())
        + (root == null ? "" : " (" + root.getMessage() + ")");
  }

  private void setState(NodeState s) {
    state = s;
    notifyAll();
  }

  /** Leaves the manager: ends the stream and stops retrying. The hypervisor is left alone. */
  @Override
  public synchronized void close() {
    if (state != NodeState.REJECTED) {
      setState(NodeState.CLOSED);
    }
    events.target(null);
    agents.close();
    if (retry != null) {
      retry.cancel(false);
    }
    Stream s = current;
    if (s != null && !s.ended()) {
      s.close();
      ScheduledFuture<?> unused =
          NodeThreads.TIMERS.schedule(
              () -> s.cancel("node closed"), CLOSE_GRACE_MS, TimeUnit.MILLISECONDS);
    }
  }
}
