package org.vimana.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vimana.manager.ManagerConfig;
import org.vimana.manager.ManagerServer;
import org.vimana.node.NodeConfig;
import org.vimana.node.NodeDaemon;

/**
 * A cluster for the client ITs, all in this JVM: a real manager (ephemeral ports, H2 in a temp dir)
 * and node daemons on the sim driver, and a {@link Terminal} to type commands against it.
 */
final class LocalCluster implements AutoCloseable {
  private final ManagerServer manager;
  private final Duration wait;
  private final List<NodeDaemon> nodes = new ArrayList<>();

  private LocalCluster(ManagerServer manager, Duration wait) {
    this.manager = manager;
    this.wait = wait;
  }

  /**
   * Starts a manager under {@code dir} that expects a heartbeat (and stats) every {@code heartbeat}
   * and gives a node up after {@code timeout}; {@code wait} bounds each node's joining.
   */
  static LocalCluster start(Path dir, Duration heartbeat, Duration timeout, Duration wait)
      throws Exception {
    ManagerServer manager =
        ManagerServer.start(
            ManagerConfig.defaults(dir.resolve("manager"))
                .withIntervals(heartbeat, timeout, heartbeat));
    return new LocalCluster(manager, wait);
  }

  /**
   * Starts a sim node daemon named {@code name} with {@code sim}'s driver options (and {@code
   * reconnectDelay}, null for the default) and waits until it has joined; closed with the cluster.
   */
  void node(String name, Map<String, String> sim, Duration reconnectDelay) throws Exception {
    NodeDaemon node =
        NodeDaemon.start(
            new NodeConfig(
                name,
                "127.0.0.1:" + manager.grpcPort(),
                manager.joinToken(),
                "sim",
                sim,
                reconnectDelay,
                null));
    nodes.add(node);
    assertThat(node.awaitConnected(wait)).as(name + " connected").isTrue();
  }

  /** A terminal logged in to this cluster's manager as its admin. */
  Terminal terminal() {
    return new Terminal(manager.apiUrl().toString(), manager.adminToken());
  }

  @Override
  public void close() {
    nodes.forEach(NodeDaemon::close);
    manager.close();
  }
}
