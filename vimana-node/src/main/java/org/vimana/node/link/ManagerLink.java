package org.vimana.node.link;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.event.VmEvent;
import org.vimana.node.NodeConfig;
import org.vimana.node.NodeState;
import org.vimana.node.command.CommandDispatcher;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.ErrorKind;
import org.vimana.rpc.Heartbeat;
import org.vimana.rpc.Hello;
import org.vimana.rpc.ManagerMessage;
import org.vimana.rpc.NodeLinkGrpc;
import org.vimana.rpc.NodeMessage;
import org.vimana.rpc.Welcome;
import org.vimana.rpc.mapping.WireMapper;

/** Keeps one stream to the manager open, re-dialling with backoff, and serves it. */
public final class ManagerLink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ManagerLink.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final String VERSION = "0.1.0";

  private final NodeConfig config;
  private final Hypervisor hypervisor;
  private final NodeLinkGrpc.NodeLinkStub stub;
  private final CommandDispatcher commands;

  private Stream current;
  private NodeState state = NodeState.CONNECTING;
  private String hostId;
  private String rejection;
  private Duration backoff;

  public ManagerLink(NodeConfig config, Hypervisor hypervisor, ManagedChannel channel) {
    this.config = Objects.requireNonNull(config);
    this.hypervisor = Objects.requireNonNull(hypervisor);
    this.stub = NodeLinkGrpc.newStub(channel);
    this.commands = new CommandDispatcher(hypervisor);
    this.backoff = config.reconnectDelay();
    hypervisor.addListener(this::forward);
  }

  public synchronized void start() {
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

  /** Waits until the link is connected, rejected or closed, or the timeout passes. */
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

  private synchronized void connect() {
    if (state == NodeState.CLOSED || state == NodeState.REJECTED) {
      return;
    }
    setState(NodeState.CONNECTING);
    Stream stream = new Stream();
    current = stream;
    Hello hello;
    try {
      hello =
          Hello.newBuilder()
              .setJoinToken(config.joinToken())
              .setHost(WireMapper.toWire(hypervisor.host()))
              .addAllVms(hypervisor.list().stream().map(WireMapper::toWire).toList())
              .setNodeVersion(VERSION)
              .build();
    } catch (HypervisorException | RuntimeException e) {
      log.warn("cannot list the hypervisor's VMs, retrying: {}", e.getMessage());
      retryLater(stream);
      return;
    }
    stream.attach(stub.connect(new Incoming(stream)));
    stream.send(NodeMessage.newBuilder().setHello(hello).build());
  }

  private final class Incoming implements StreamObserver<ManagerMessage> {
    private final Stream stream;

    Incoming(Stream stream) {
      this.stream = stream;
    }

    @Override
    public void onNext(ManagerMessage m) {
      switch (m.getBodyCase()) {
        case WELCOME -> welcomed(stream, m.getWelcome());
        case COMMAND -> run(stream, m.getCommand());
        case BODY_NOT_SET -> log.warn("ignoring an empty message from the manager");
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
    if (stream != current) {
      return;
    }
    hostId = w.getHostId();
    backoff = config.reconnectDelay();
    setState(NodeState.CONNECTED);
    log.info("connected to the manager at {} as host {}", config.managerAddress(), hostId);
    long hb = Math.max(50, w.getHeartbeatIntervalMs());
    long st = Math.max(50, w.getStatsIntervalMs());
    stream.addTimer(
        NodeThreads.TIMERS.scheduleAtFixedRate(
            () -> heartbeat(stream), hb, hb, TimeUnit.MILLISECONDS));
    stream.addTimer(
        NodeThreads.TIMERS.scheduleAtFixedRate(() -> stats(stream), 0, st, TimeUnit.MILLISECONDS));
  }

  private static void heartbeat(Stream stream) {
    stream.send(
        NodeMessage.newBuilder()
            .setHeartbeat(Heartbeat.newBuilder().setSentAtMs(System.currentTimeMillis()))
            .build());
  }

  private void stats(Stream stream) {
    try {
      stream.send(NodeMessage.newBuilder().setStats(WireMapper.toWire(hypervisor.stats())).build());
    } catch (HypervisorException | RuntimeException e) {
      log.warn("stats sample failed: {}", e.getMessage());
    }
  }

  private void run(Stream stream, Command command) {
    CompletableFuture<Void> unused =
        CompletableFuture.supplyAsync(() -> commands.run(command), NodeThreads.WORKERS)
            .orTimeout(config.commandTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .exceptionally(
                t ->
                    CommandResult.newBuilder()
                        .setRequestId(command.getRequestId())
                        .setOk(false)
                        .setError(ErrorKind.ERROR_FAILED)
                        .setMessage(
                            t instanceof TimeoutException
                                ? "command timed out after " + config.commandTimeout()
                                : String.valueOf(t))
                        .build())
            .thenAccept(r -> stream.send(NodeMessage.newBuilder().setResult(r).build()));
  }

  private void forward(VmEvent event) {
    Stream s;
    synchronized (this) {
      s = state == NodeState.CONNECTED ? current : null;
    }
    if (s != null) {
      s.send(NodeMessage.newBuilder().setEvent(WireMapper.toWire(event)).build());
    }
  }

  private synchronized void lost(Stream stream, Throwable t) {
    stream.end(false);
    if (stream != current || state == NodeState.CLOSED) {
      return;
    }
    Status status = t == null ? Status.OK : Status.fromThrowable(t);
    if (status.getCode() == Status.Code.UNAUTHENTICATED) {
      rejection = status.getDescription();
      log.error("join token rejected by the manager at {}: {}", config.managerAddress(), rejection);
      setState(NodeState.REJECTED);
      return;
    }
    log.warn(
        "lost the manager at {} ({}); VMs keep running, reconnecting in {} ms",
        config.managerAddress(),
        t instanceof StatusRuntimeException ? describe(status) : "stream ended",
        backoff.toMillis());
    retryLater(stream);
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

  private void retryLater(Stream stream) {
    setState(NodeState.DISCONNECTED);
    stream.end(true);
    ScheduledFuture<?> unused =
        NodeThreads.TIMERS.schedule(this::connect, backoff.toMillis(), TimeUnit.MILLISECONDS);
    Duration doubled = backoff.multipliedBy(2);
    backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
  }

  private void setState(NodeState s) {
    state = s;
    notifyAll();
  }

  @Override
  public synchronized void close() {
    NodeState was = state;
    setState(was == NodeState.REJECTED ? NodeState.REJECTED : NodeState.CLOSED);
    if (current != null) {
      current.end(true);
    }
  }
}
