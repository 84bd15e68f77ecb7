package org.vimana.cli.server;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vimana.manager.ManagerConfig;
import org.vimana.manager.ManagerServer;

/** Starts vimana-manager's {@link ManagerServer} in this process. */
final class EmbeddedManager implements ManagerLauncher {
  @Override
  public Started start(ManagerOptions o) throws IOException {
    ManagerConfig config =
        ManagerConfig.defaults(o.dataDir())
            .withPorts(o.httpPort(), o.grpcPort())
            .withDatabase(
                o.dbUrl().orElse(null), o.dbUser().orElse(null), o.dbPassword().orElse(null));
    config =
        new ManagerConfig(
            config.dataDir(),
            config.dbUrl(),
            config.dbUser(),
            config.dbPassword(),
            o.bind(),
            config.httpPort(),
            config.grpcPort(),
            null,
            null,
            null);
    ManagerServer server = ManagerServer.start(config);
    String host = clientHost(o.bind());
    URI api = URI.create("http://" + host + ":" + server.httpPort());
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean closed = new AtomicBoolean();
    RunningServer running =
        new RunningServer() {
          @Override
          public void awaitTermination() throws InterruptedException {
            stopped.await();
          }

          @Override
          public void close() {
            if (closed.compareAndSet(false, true)) {
              server.close();
              stopped.countDown();
            }
          }
        };
    return new Started(
        running,
        api,
        host + ":" + server.grpcPort(),
        server.adminTokenFile(),
        server.joinTokenFile());
  }

  /** The address a client on this machine uses: loopback when the manager listens everywhere. */
  static String clientHost(String bind) {
    if (bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]")) {
      return "127.0.0.1";
    }
    return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
  }
}
