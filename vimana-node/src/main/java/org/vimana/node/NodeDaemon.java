package org.vimana.node;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.node.driver.Drivers;
import org.vimana.node.link.ManagerLink;

/**
 * A node daemon: one hypervisor and its link to the manager. Many daemons may share a process and a
 * gRPC channel (a benchmark runs hundreds of simulated hosts this way).
 */
public final class NodeDaemon implements AutoCloseable {
  private final Hypervisor hypervisor;
  private final boolean ownsHypervisor;
  private final ManagedChannel channel;
  private final boolean ownsChannel;
  private final ManagerLink link;

  private NodeDaemon(
      NodeConfig config,
      Hypervisor hypervisor,
      boolean ownsHypervisor,
      ManagedChannel channel,
      boolean ownsChannel) {
    this.hypervisor = hypervisor;
    this.ownsHypervisor = ownsHypervisor;
    this.channel = channel;
    this.ownsChannel = ownsChannel;
    this.link = new ManagerLink(config, hypervisor, channel, Clock.systemUTC());
  }

  /** Opens the configured driver and connects. */
  public static NodeDaemon start(NodeConfig config) throws HypervisorException {
    Hypervisor h = Drivers.open(config.driver(), config.name(), config.driverOptions());
    return start(config, h, true, channel(config), true);
  }

  /** Connects a hypervisor opened by the caller (who closes it). */
  public static NodeDaemon start(NodeConfig config, Hypervisor hypervisor) {
    return start(config, hypervisor, false, channel(config), true);
  }

  /** Connects over a channel shared with other daemons of this process. */
  public static NodeDaemon start(
      NodeConfig config, Hypervisor hypervisor, ManagedChannel sharedChannel) {
    return start(config, hypervisor, false, sharedChannel, false);
  }

  private static NodeDaemon start(
      NodeConfig config,
      Hypervisor hypervisor,
      boolean ownsHypervisor,
      ManagedChannel channel,
      boolean ownsChannel) {
    Objects.requireNonNull(config);
    Objects.requireNonNull(hypervisor);
    NodeDaemon d = new NodeDaemon(config, hypervisor, ownsHypervisor, channel, ownsChannel);
    d.link.start();
    return d;
  }

  private static ManagedChannel channel(NodeConfig config) {
    return NettyChannelBuilder.forTarget(config.managerAddress())
        .usePlaintext()
        .keepAliveTime(30, TimeUnit.SECONDS)
        .build();
  }

  public NodeState state() {
    return link.state();
  }

  public boolean connected() {
    return link.state() == NodeState.CONNECTED;
  }

  public Optional<String> hostId() {
    return link.hostId();
  }

  /** Why the manager refused this node, once {@link #state()} is REJECTED. */
  public Optional<String> rejection() {
    return link.rejection();
  }

  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    return link.await(timeout, NodeState.CONNECTED) == NodeState.CONNECTED;
  }

  /**
   * Waits until the daemon is in one of {@code wanted} or the timeout passes; returns the state.
   */
  public NodeState await(Duration timeout, NodeState... wanted) throws InterruptedException {
    return link.await(timeout, wanted);
  }

  /** Blocks until the daemon is rejected or closed; returns that state. */
  public NodeState awaitEnd() throws InterruptedException {
    NodeState s;
    do {
      s = link.await(Duration.ofHours(1), NodeState.REJECTED, NodeState.CLOSED);
    } while (s != NodeState.REJECTED && s != NodeState.CLOSED);
    return s;
  }

  public Hypervisor hypervisor() {
    return hypervisor;
  }

  /** Leaves the manager; the VMs keep running on the host. */
  @Override
  public void close() {
    link.close();
    if (ownsChannel) {
      channel.shutdown();
      try {
        if (!channel.awaitTermination(1, TimeUnit.SECONDS)) {
          channel.shutdownNow();
        }
      } catch (InterruptedException e) {
        channel.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    if (ownsHypervisor) {
      hypervisor.close();
    }
  }
}
