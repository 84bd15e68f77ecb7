package org.vimana.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.cli.CliException;
import org.vimana.cli.ExitCode;
import org.vimana.cli.Main;
import org.vimana.cli.config.ClientConfig;
import picocli.CommandLine;

/** The manager and node commands with fake daemons: options, output, client config, errors. */
class ServerCommandsTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Object> started = new ArrayList<>();
  private final List<String> events = new ArrayList<>();

  /** A daemon that ends as soon as it is waited for. */
  private RunningServer daemon(String name) {
    return new RunningServer() {
      @Override
      public void awaitTermination() {
        events.add(name + " ran");
      }

      @Override
      public void close() {
        events.add(name + " closed");
      }
    };
  }

  private int run(NodeLauncher node, String... args) {
    Map<String, String> env =
        Map.of("HOME", dir.toString(), "VIMANA_CONFIG", dir.resolve("client.json").toString());
    Main main =
        new Main(
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    ManagerLauncher manager =
        options -> {
          started.add(options);
          return new ManagerLauncher.Started(
              daemon("manager"),
              URI.create("http://127.0.0.1:18080"),
              "127.0.0.1:19090",
              options.dataDir().resolve("admin.token"),
              options.dataDir().resolve("join.token"));
        };
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            if (cls == ManagerCommand.class) {
              return cls.cast(new ManagerCommand(manager));
            }
            if (cls == NodeCommand.class) {
              return cls.cast(new NodeCommand(node));
            }
            return CommandLine.defaultFactory().create(cls);
          }
        };
    return main.commandLine(factory).execute(args);
  }

  private NodeLauncher recordingNode() {
    return options -> {
      started.add(options);
      return daemon("node");
    };
  }

  @Test
  void managerPrintsWhereItIsAndWritesTheClientConfig() throws Exception {
    Path data = dir.resolve("m");
    assertThat(run(recordingNode(), "manager", "--data-dir", data.toString(), "--http-port", "0"))
        .isZero();
    ManagerOptions o = (ManagerOptions) started.get(0);
    assertThat(o.dataDir()).isEqualTo(data);
    assertThat(o.httpPort()).isZero();
    assertThat(o.grpcPort()).isEqualTo(9090);
    assertThat(o.bind()).isEqualTo("127.0.0.1");
    assertThat(o.dbUrl()).isEmpty();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("http://127.0.0.1:18080", data.resolve("admin.token").toString())
        .contains(data.resolve("join.token").toString());
    assertThat(Files.readString(dir.resolve("client.json")))
        .contains("\"url\" : \"http://127.0.0.1:18080\"")
        .contains(data.resolve("admin.token").toString());
    assertThat(events).containsExactly("manager ran", "manager closed");
    assertThat(ClientConfig.configFile(Map.of("VIMANA_CONFIG", "x"))).isEqualTo(Path.of("x"));
  }

  @Test
  void managerDatabaseOptions() throws Exception {
    Path pw = Files.writeString(dir.resolve("pw"), "s3cret\n");
    assertThat(
            run(
                recordingNode(),
                "manager",
                "--db-url",
                "jdbc:postgresql://db/v",
                "--db-user",
                "u",
                "--db-password-file",
                pw.toString()))
        .isZero();
    ManagerOptions o = (ManagerOptions) started.get(0);
    assertThat(o.dbUrl()).contains("jdbc:postgresql://db/v");
    assertThat(o.dbUser()).contains("u");
    assertThat(o.dbPassword()).contains("s3cret");
    assertThat(o.dataDir()).isEqualTo(dir.resolve(".local/share/vimana/manager"));

    assertThat(run(recordingNode(), "manager", "--db-url", "postgres://db")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--db-url must be a JDBC URL");
    assertThat(run(recordingNode(), "manager", "--http-port", "70000")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--http-port must be 0..65535");
  }

  @Test
  void nodeReadsItsJoinTokenAndDriverOptions() throws Exception {
    Path token = Files.writeString(dir.resolve("join.token"), "jt-123\n");
    assertThat(
            run(
                recordingNode(),
                "node",
                "--name",
                "rack1-a",
                "--manager",
                "10.0.0.1:9090",
                "--join-token-file",
                token.toString(),
                "--driver-opt",
                "cores=8",
                "--driver-opt",
                "memory=16G"))
        .isZero();
    NodeOptions o = (NodeOptions) started.get(0);
    assertThat(o.name()).isEqualTo("rack1-a");
    assertThat(o.managerHost()).isEqualTo("10.0.0.1");
    assertThat(o.managerPort()).isEqualTo(9090);
    assertThat(o.joinToken()).isEqualTo("jt-123");
    assertThat(o.driver()).isEqualTo("sim");
    assertThat(o.driverOptions()).containsOnly(Map.entry("cores", "8"), Map.entry("memory", "16G"));
    assertThat(o.stateDir()).isEqualTo(dir.resolve(".local/share/vimana/node-rack1-a"));
    assertThat(events).containsExactly("node ran", "node closed");
  }

  @Test
  void nodeUsageErrors() {
    String[] base = {"node", "--name", "a", "--manager", "h:9090"};
    assertThat(run(recordingNode(), base)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--join-token");
    assertThat(run(recordingNode(), "node", "--name", "a", "--manager", "h", "--join-token", "t"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--manager must be HOST:PORT");
    assertThat(
            run(recordingNode(), "node", "--name", "a b", "--manager", "h:1", "--join-token", "t"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--name 'a b' is invalid");
    assertThat(
            run(
                recordingNode(),
                "node",
                "--name",
                "a",
                "--manager",
                "h:1",
                "--join-token",
                "t",
                "--join-token-file",
                "f"))
        .isEqualTo(2);
    assertThat(started).isEmpty();
  }

  @Test
  void aRefusedJoinTokenEndsTheNodeWithTheManagersMessage() {
    NodeLauncher refused =
        options -> {
          throw new CliException(
              ExitCode.UNREACHABLE, "the manager refused to enroll node a: invalid join token");
        };
    assertThat(run(refused, "node", "--name", "a", "--manager", "h:1", "--join-token", "bad"))
        .isEqualTo(ExitCode.UNREACHABLE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("error: the manager refused to enroll node a: invalid join token\n");
  }
}
