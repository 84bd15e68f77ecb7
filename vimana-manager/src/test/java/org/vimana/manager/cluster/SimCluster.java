package org.vimana.manager.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vimana.api.client.VimanaClient;
import org.vimana.core.driver.Hypervisor;
import org.vimana.manager.ManagerConfig;
import org.vimana.manager.ManagerServer;
import org.vimana.node.NodeConfig;
import org.vimana.node.NodeDaemon;

/**
 * What the sim cluster scenarios share: a manager in this JVM on the database a scenario chooses,
 * with intervals short enough for a test, an API client with its admin token, and node daemons in
 * this JVM that enrol with its join token. Sim hosts share the process's sim fabric, so a VM really
 * moves between them. Closing it stops the nodes, then the manager.
 */
final class SimCluster implements AutoCloseable {
  private static final Duration ENROL = Duration.ofSeconds(10);

  /** A node that loses the manager retries this soon. */
  private static final Duration RECONNECT = Duration.ofMillis(100);

  /** Sim hosts copy memory at this rate: a 1 GiB VM moves in about half a second. */
  private static final String BANDWIDTH_MIB_S = "2048";

  /** Turns the manager's configuration into one on the scenario's database. */
  interface Database {
    ManagerConfig apply(ManagerConfig config) throws Exception;
  }

  final ManagerServer manager;
  final VimanaClient api;
  private final Path dir;
  private final Map<String, NodeDaemon> nodes = new LinkedHashMap<>();

  private SimCluster(Path dir, ManagerServer manager) {
    this.dir = dir;
    this.manager = manager;
    this.api = new VimanaClient(manager.apiUrl(), manager.adminToken());
  }

  /**
   * Starts a manager under {@code dir} on the database {@code database} configures, with heartbeat
   * and stats every 200 ms and a node lost after 1.5 s; no node yet.
   */
  static SimCluster start(Path dir, Database database) throws Exception {
    ManagerServer manager =
        ManagerServer.start(
            database.apply(
                ManagerConfig.defaults(dir.resolve("manager"))
                    .withIntervals(
                        Duration.ofMillis(200), Duration.ofMillis(1500), Duration.ofMillis(200))));
    return new SimCluster(dir, manager);
  }

  /**
   * Starts a sim host of 4 xeon cores and {@code memory} ("8G", "512M") that boots and shuts VMs
   * down in 0.1 s and copies memory at 2048 MiB/s, its state under dir/sim-NAME; waits until it is
   * enrolled.
   */
  void simHost(String name, String memory) throws Exception {
    Map<String, String> options =
        Map.of(
            "cores", "4",
            "memory", memory,
            "cpu-model", "xeon",
            "boot-seconds", "0.1",
            "shutdown-seconds", "0.1",
            "migration-bandwidth", BANDWIDTH_MIB_S,
            "state-dir", dir.resolve("sim-" + name).toString());
    enrol(name, NodeDaemon.start(config(name, options)));
  }

  /**
   * Starts a node daemon on a sim hypervisor the caller opened (and closes, after this cluster);
   * waits until it is enrolled.
   */
  void node(String name, Hypervisor hypervisor) throws Exception {
    enrol(name, NodeDaemon.start(config(name, Map.of()), hypervisor));
  }

  /** Stops host {@code name}'s node daemon, as a crash of the daemon would. */
  void stopNode(String name) {
    nodes.remove(name).close();
  }

  private NodeConfig config(String name, Map<String, String> simOptions) {
    return new NodeConfig(
        name,
        "127.0.0.1:" + manager.grpcPort(),
        manager.joinToken(),
        "sim",
        simOptions,
        RECONNECT,
        null);
  }

  private void enrol(String name, NodeDaemon node) throws InterruptedException {
    nodes.put(name, node);
    assertThat(node.awaitConnected(ENROL)).isTrue();
  }

  @Override
  public void close() {
    nodes.values().forEach(NodeDaemon::close);
    manager.close();
  }
}
