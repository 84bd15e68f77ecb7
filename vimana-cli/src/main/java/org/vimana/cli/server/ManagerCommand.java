package org.vimana.cli.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vimana.cli.CliException;
import org.vimana.cli.ExitCode;
import org.vimana.cli.Main;
import org.vimana.cli.config.ClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code vimana manager}: runs the manager in this process until SIGTERM/SIGINT. */
@Command(
    name = "manager",
    description = {
      "Run the manager (REST API, inventory, node link) until stopped.",
      "Prints the API URL and the token files, and writes the client config file."
    })
public final class ManagerCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Database, tokens (default $VIMANA_HOME/manager or ~/.local/share/vimana/manager).")
  Path dataDir;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "REST API port (8080; 0 = any free port).")
  int httpPort;

  @Option(
      names = "--grpc-port",
      paramLabel = "PORT",
      defaultValue = "9090",
      description = "Port nodes dial (9090; 0 = any free port).")
  int grpcPort;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "Listen address (127.0.0.1; 0.0.0.0 for all).")
  String bind;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC-URL",
      description =
          "PostgreSQL, e.g. jdbc:postgresql://db:5432/vimana (default: embedded H2 in the data dir).")
  String dbUrl;

  @Option(names = "--db-user", paramLabel = "USER", description = "Database user.")
  String dbUser;

  @Option(
      names = "--db-password-file",
      paramLabel = "FILE",
      description = "File holding the database password.")
  Path dbPasswordFile;

  private final ManagerLauncher launcher;

  public ManagerCommand() {
    this(new EmbeddedManager());
  }

  ManagerCommand(ManagerLauncher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Integer call() {
    return main.run(
        () -> {
          ManagerOptions options = options();
          ManagerLauncher.Started m;
          try {
            m = launcher.start(options);
          } catch (IOException e) {
            throw new CliException(
                ExitCode.FAILURE, "the manager could not start: " + e.getMessage(), e);
          }
          Path config = ClientConfig.configFile(main.env());
          ClientConfig.write(config, m.apiUrl().toString(), m.adminTokenFile());
          PrintStream out = main.out();
          out.println("Vimana manager running");
          out.println("  API:             " + m.apiUrl());
          out.println("  node link:       " + m.nodeLink());
          out.println("  admin token:     " + m.adminTokenFile());
          out.println("  join token:      " + m.joinTokenFile());
          out.println("  data dir:        " + options.dataDir());
          out.println("  client config:   " + config);
          out.flush();
          Daemons.runUntilStopped(m.server(), "manager");
        });
  }

  ManagerOptions options() throws CliException {
    Optional<String> password = Optional.empty();
    if (dbPasswordFile != null) {
      try {
        password = Optional.of(Files.readString(dbPasswordFile).strip());
      } catch (IOException e) {
        throw CliException.usage(
            "--db-password-file " + dbPasswordFile + " cannot be read: " + e.getMessage());
      }
    }
    if (dbUrl == null && (dbUser != null || dbPasswordFile != null)) {
      throw CliException.usage("--db-user and --db-password-file need --db-url");
    }
    return new ManagerOptions(
        DataDirs.orDefault(dataDir, main.env(), "manager"),
        bind,
        httpPort,
        grpcPort,
        Optional.ofNullable(dbUrl),
        Optional.ofNullable(dbUser),
        password);
  }
}
