package org.vimana.cli.server;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vimana.cli.CliException;
import org.vimana.cli.ExitCode;
import org.vimana.core.driver.HypervisorException;
import org.vimana.node.NodeConfig;
import org.vimana.node.NodeDaemon;
import org.vimana.node.NodeState;

/** Starts vimana-node's {@link NodeDaemon} in this process. */
final class EmbeddedNode implements NodeLauncher {
  /** The sim driver keeps its VMs in this directory, so a restarted node finds them again. */
  static final String SIM_STATE_DIR = "state-dir";

  @Override
  public RunningServer start(NodeOptions o) throws IOException, CliException {
    Map<String, String> driverOptions = new LinkedHashMap<>(o.driverOptions());
    if ("sim".equals(o.driver()) && !driverOptions.containsKey(SIM_STATE_DIR)) {
      Files.createDirectories(o.stateDir());
      driverOptions.put(SIM_STATE_DIR, o.stateDir().toString());
    }
    String address = o.managerHost() + ":" + o.managerPort();
    NodeConfig config =
        new NodeConfig(o.name(), address, o.joinToken(), o.driver(), driverOptions, null, null);
    NodeDaemon daemon;
    try {
      daemon = NodeDaemon.start(config);
    } catch (HypervisorException e) {
      throw new IOException("driver " + o.driver() + ": " + e.getMessage(), e);
    }
    return new RunningServer() {
      @Override
      public void awaitTermination() throws InterruptedException, CliException {
        if (daemon.awaitEnd() == NodeState.REJECTED) {
          throw new CliException(
              ExitCode.UNREACHABLE,
              "the manager at "
                  + address
                  + " refused the join token of node "
                  + o.name()
                  + ": "
                  + daemon.rejection().orElse("(no reason given)"));
        }
      }

      @Override
      public void close() {
        daemon.close();
      }
    };
  }
}
