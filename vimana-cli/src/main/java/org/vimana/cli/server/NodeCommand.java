package org.vimana.cli.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vimana.cli.CliException;
import org.vimana.cli.ExitCode;
import org.vimana.cli.Main;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code vimana node}: runs a node daemon in this process until SIGTERM/SIGINT. */
@Command(
    name = "node",
    description = {
      "Run a node daemon beside this host's hypervisor until stopped.",
      "It dials the manager, joins with the join token and keeps its VMs running while the"
          + " manager is away."
    })
public final class NodeCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "This host's name in the cluster.")
  String name;

  @Option(
      names = "--manager",
      required = true,
      paramLabel = "HOST:PORT",
      description = "The manager's node link (its --grpc-port).")
  String manager;

  static final class JoinToken {
    @Option(
        names = "--join-token-file",
        paramLabel = "FILE",
        description = "File holding the join token (the manager's join.token).")
    Path file;

    @Option(names = "--join-token", paramLabel = "TOKEN", description = "The join token itself.")
    String token;
  }

  @ArgGroup(multiplicity = "1")
  JoinToken joinToken;

  @Option(
      names = "--driver",
      paramLabel = "DRIVER",
      defaultValue = "sim",
      description = "Hypervisor driver: sim (default), libvirt, ...")
  String driver;

  @Option(
      names = "--driver-opt",
      paramLabel = "KEY=VALUE",
      description = "A driver option (repeatable), e.g. cores=16, memory=64G, uri=qemu:///system.")
  Map<String, String> driverOptions = new LinkedHashMap<>();

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Node state (default $VIMANA_HOME/node-NAME or ~/.local/share/vimana/node-NAME).")
  Path stateDir;

  private final NodeLauncher launcher;

  public NodeCommand() {
    this(new EmbeddedNode());
  }

  NodeCommand(NodeLauncher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Integer call() {
    return main.run(
        () -> {
          NodeOptions options = options();
          RunningServer node;
          try {
            node = launcher.start(options);
          } catch (IOException e) {
            throw new CliException(
                ExitCode.FAILURE,
                "node " + options.name() + " could not start: " + e.getMessage(),
                e);
          }
          main.out()
              .println(
                  "Vimana node "
                      + options.name()
                      + " running (driver "
                      + options.driver()
                      + ", manager "
                      + options.managerHost()
                      + ":"
                      + options.managerPort()
                      + ", state "
                      + options.stateDir()
                      + ")");
          main.out().flush();
          Daemons.runUntilStopped(node, "node");
        });
  }

  NodeOptions options() throws CliException {
    String[] hp = NodeOptions.hostAndPort(manager);
    String token = joinToken.token;
    if (joinToken.file != null) {
      try {
        token = Files.readString(joinToken.file).strip();
      } catch (IOException e) {
        throw CliException.usage(
            "--join-token-file " + joinToken.file + " cannot be read: " + e.getMessage());
      }
      if (token.isEmpty()) {
        throw CliException.usage("--join-token-file " + joinToken.file + " is empty");
      }
    }
    Path dir = DataDirs.orDefault(stateDir, main.env(), "node-" + name);
    return new NodeOptions(name, hp[0], Integer.parseInt(hp[1]), token, driver, driverOptions, dir);
  }
}
