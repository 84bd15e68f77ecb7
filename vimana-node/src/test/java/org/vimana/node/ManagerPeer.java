package org.vimana.node;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.Hello;
import org.vimana.rpc.ManagerMessage;
import org.vimana.rpc.NodeLinkGrpc;
import org.vimana.rpc.NodeMessage;
import org.vimana.rpc.Welcome;

/**
 * The manager's end of the real protocol on a real port, for tests: it welcomes nodes with the
 * right join token (refusing others with UNAUTHENTICATED, as the contract says), records every
 * message it receives and sends the commands a test gives it. It is a protocol peer, not a node.
 */
final class ManagerPeer extends NodeLinkGrpc.NodeLinkImplBase implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);

  private final String joinToken;
  private final int heartbeatMs;
  private final int statsMs;
  private final List<Connection> connections = new ArrayList<>();
  private Server server;
  private int port;

  private ManagerPeer(String joinToken, int heartbeatMs, int statsMs) {
    this.joinToken = joinToken;
    this.heartbeatMs = heartbeatMs;
    this.statsMs = statsMs;
  }

  static ManagerPeer start(String joinToken, int heartbeatMs, int statsMs) throws IOException {
    ManagerPeer peer = new ManagerPeer(joinToken, heartbeatMs, statsMs);
    peer.listen(0);
    return peer;
  }

  private void listen(int onPort) throws IOException {
    server =
        NettyServerBuilder.forAddress(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort))
            .addService(this)
            .build()
            .start();
    port = server.getPort();
  }

  String address() {
    String host = InetAddress.getLoopbackAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** The manager dies: the server and every open call go away at once. */
  void stop() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** The manager comes back on the same port. */
  void restart() throws IOException {
    listen(port);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  @Override
  public StreamObserver<NodeMessage> connect(StreamObserver<ManagerMessage> out) {
    Connection c = new Connection(out);
    synchronized (this) {
      connections.add(c);
      notifyAll();
    }
    return c;
  }

  /** Waits until {@code probe} finds something, failing the test after {@link #WAIT}. */
  synchronized <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("timed out waiting for " + what + "; connections: " + connections);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  synchronized List<Connection> connections() {
    return List.copyOf(connections);
  }

  /** The {@code n}-th connection (0-based) once its Hello arrived. */
  Connection awaitHello(int n) throws InterruptedException {
    return await(
        "hello #" + n,
        () ->
            connections.size() > n && connections.get(n).hello != null
                ? Optional.of(connections.get(n))
                : Optional.empty());
  }

  /** One node connection as the manager sees it. */
  final class Connection implements StreamObserver<NodeMessage> {
    private final StreamObserver<ManagerMessage> out;
    private final List<NodeMessage> received = new ArrayList<>();
    private Hello hello;
    private boolean ended;

    Connection(StreamObserver<ManagerMessage> out) {
      this.out = out;
    }

    Hello hello() {
      synchronized (ManagerPeer.this) {
        return hello;
      }
    }

    @Override
    public void onNext(NodeMessage m) {
      synchronized (ManagerPeer.this) {
        received.add(m);
        ManagerPeer.this.notifyAll();
        if (hello != null || !m.hasHello()) {
          return;
        }
        hello = m.getHello();
      }
      if (!hello.getJoinToken().equals(joinToken)) {
        out.onError(
            Status.UNAUTHENTICATED
                .withDescription("join token rejected for host '" + hello.getHost().getName() + "'")
                .asRuntimeException());
        return;
      }
      send(
          ManagerMessage.newBuilder()
              .setWelcome(
                  Welcome.newBuilder()
                      .setHostId("host-" + hello.getHost().getName())
                      .setHeartbeatIntervalMs(heartbeatMs)
                      .setStatsIntervalMs(statsMs))
              .build());
    }

    @Override
    public void onError(Throwable t) {
      markEnded();
    }

    @Override
    public void onCompleted() {
      markEnded();
      synchronized (this) {
        try {
          out.onCompleted();
        } catch (RuntimeException ignored) {
          // The call is gone already.
        }
      }
    }

    private void markEnded() {
      synchronized (ManagerPeer.this) {
        ended = true;
        ManagerPeer.this.notifyAll();
      }
    }

    /** The manager ends this call: cleanly for OK, else with the status. */
    synchronized void end(Status status) {
      if (status.isOk()) {
        out.onCompleted();
      } else {
        out.onError(status.asRuntimeException());
      }
    }

    synchronized void send(ManagerMessage m) {
      out.onNext(m);
    }

    void send(Command c) {
      send(ManagerMessage.newBuilder().setCommand(c).build());
    }

    /** Every message of one kind received so far. */
    List<NodeMessage> received(NodeMessage.BodyCase kind) {
      synchronized (ManagerPeer.this) {
        return received.stream().filter(m -> m.getBodyCase() == kind).toList();
      }
    }

    /** Waits for at least {@code count} messages of one kind. */
    List<NodeMessage> await(NodeMessage.BodyCase kind, int count) throws InterruptedException {
      return ManagerPeer.this.await(
          count + " x " + kind,
          () -> {
            List<NodeMessage> found = received(kind);
            return found.size() >= count ? Optional.of(found) : Optional.empty();
          });
    }

    CommandResult awaitResult(String requestId) throws InterruptedException {
      return ManagerPeer.this.await(
          "result of " + requestId,
          () ->
              received(NodeMessage.BodyCase.RESULT).stream()
                  .map(NodeMessage::getResult)
                  .filter(r -> r.getRequestId().equals(requestId))
                  .findFirst());
    }

    void awaitEnd() throws InterruptedException {
      ManagerPeer.this.await("end of the call", () -> ended ? Optional.of(true) : Optional.empty());
    }

    boolean ended() {
      synchronized (ManagerPeer.this) {
        return ended;
      }
    }

    @Override
    public String toString() {
      synchronized (ManagerPeer.this) {
        return "Connection[" + received.size() + " messages, ended=" + ended + "]";
      }
    }
  }
}
