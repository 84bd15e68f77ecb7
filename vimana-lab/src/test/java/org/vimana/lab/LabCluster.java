package org.vimana.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.vimana.api.client.VimanaClient;
import org.vimana.manager.ManagerConfig;
import org.vimana.manager.ManagerServer;
import org.vimana.node.NodeConfig;
import org.vimana.node.NodeDaemon;

/**
 * What the lab's cluster tests share: a lab of real hosts, a manager and one libvirt node daemon
 * per host in this JVM, every node enrolled, and an API client. Closing it stops the nodes and the
 * manager and tears the lab down (its guests destroyed, its libvirtds stopped).
 */
final class LabCluster implements AutoCloseable {
  private static final Duration ENROL = Duration.ofSeconds(60);

  final Lab lab;
  final ManagerServer manager;
  final VimanaClient api;
  private final List<NodeConfig> configs = new ArrayList<>();
  private final List<NodeDaemon> nodes = new ArrayList<>();

  private LabCluster(Lab lab, ManagerServer manager, Duration apiTimeout) {
    this.lab = lab;
    this.manager = manager;
    this.api = new VimanaClient(manager.apiUrl(), manager.adminToken(), apiTimeout);
  }

  /**
   * Starts {@code hosts} lab hosts named {@code prefix-1..hosts} under {@code dir}, a manager whose
   * default configuration {@code configure} adjusts (intervals), and the nodes.
   */
  static LabCluster start(
      Path dir,
      String prefix,
      int hosts,
      UnaryOperator<ManagerConfig> configure,
      Duration apiTimeout)
      throws Exception {
    Path cache =
        Path.of(System.getProperty("user.home"), ".cache", "vimana", "lab").toAbsolutePath();
    Lab lab = Lab.start(cache, dir.resolve("lab"), prefix, hosts);
    ManagerServer manager;
    try {
      manager =
          ManagerServer.start(configure.apply(ManagerConfig.defaults(dir.resolve("manager"))));
    } catch (Exception e) {
      lab.close();
      throw e;
    }
    LabCluster cluster = new LabCluster(lab, manager, apiTimeout);
    try {
      for (LabHost h : lab.hosts()) {
        cluster.configs.add(
            new NodeConfig(
                h.name(),
                "127.0.0.1:" + manager.grpcPort(),
                manager.joinToken(),
                "libvirt",
                lab.driverOptions(h),
                null,
                null));
        cluster.nodes.add(null);
        cluster.startNode(cluster.nodes.size() - 1);
      }
    } catch (Exception | AssertionError e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** The lab host {@code i}, from 0. */
  LabHost host(int i) {
    return lab.hosts().get(i);
  }

  /** The names of the lab's hosts, in order. */
  List<String> hostNames() {
    return lab.hosts().stream().map(LabHost::name).toList();
  }

  /** Stops host {@code i}'s node daemon, as an operator or a crash of the daemon would. */
  void stopNode(int i) {
    nodes.get(i).close();
  }

  /** Starts host {@code i}'s node daemon (again) and waits until it is enrolled. */
  void startNode(int i) throws Exception {
    NodeDaemon n = NodeDaemon.start(configs.get(i));
    nodes.set(i, n);
    if (!n.awaitConnected(ENROL)) {
      throw new AssertionError(configs.get(i).name() + " did not enrol within " + ENROL);
    }
  }

  /** Runs virsh against a lab host's libvirtd; fails the test when virsh does. */
  static String virsh(LabHost h, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("virsh", "-q", "-c", h.uri()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() {
    nodes.stream().filter(n -> n != null).forEach(NodeDaemon::close);
    manager.close();
    lab.close();
  }
}
