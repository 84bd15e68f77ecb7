package org.vimana.bench.cluster;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorProvider;
import org.vimana.node.NodeConfig;
import org.vimana.node.NodeDaemon;

/**
 * Runs many sim hosts' node daemons in one process over one shared gRPC channel, as a stand-in for
 * a rack of machines: {@code NodePack MANAGER_HOST:PORT JOIN_TOKEN_FILE PREFIX COUNT}. Each daemon
 * is the real node code; only the process is shared.
 */
public final class NodePack {
  private NodePack() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: NodePack MANAGER_HOST:PORT JOIN_TOKEN_FILE PREFIX COUNT");
      System.exit(2);
    }
    String manager = args[0];
    String joinToken = Files.readString(Path.of(args[1])).strip();
    String prefix = args[2];
    int count = Integer.parseInt(args[3]);
    HypervisorProvider sim =
        ServiceLoader.load(HypervisorProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.name().equals("sim"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("sim driver not on the class path"));
    ManagedChannel channel = NettyChannelBuilder.forTarget(manager).usePlaintext().build();
    List<NodeDaemon> daemons = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = prefix + i;
      Hypervisor h = sim.open(name, Map.of("cores", "32", "memory", "256G", "boot-seconds", "0.2"));
      NodeConfig config =
          new NodeConfig(
              name,
              manager,
              joinToken,
              "sim",
              Map.of(),
              Duration.ofSeconds(1),
              Duration.ofSeconds(30));
      daemons.add(NodeDaemon.start(config, h, channel));
    }
    System.out.println("started " + count + " node daemons");
    CountDownLatch forever = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  daemons.forEach(NodeDaemon::close);
                  channel.shutdownNow();
                  forever.countDown();
                }));
    forever.await();
  }
}
