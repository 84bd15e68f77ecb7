package org.vimana.cli.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vimana.api.client.ApiException;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.HostView;
import org.vimana.cli.CliException;
import org.vimana.cli.ExitCode;
import org.vimana.cli.Main;
import org.vimana.cli.config.ClientConfig;
import org.vimana.cli.format.Converters;
import org.vimana.cli.format.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vimana demo}: a whole cluster on this machine, as child processes on the sim driver,
 * filled with templates and VMs, until Ctrl-C or {@code --duration}.
 */
@Command(
    name = "demo",
    description = {
      "Run a demo cluster: a manager and sim-driver nodes as child processes, with VMs.",
      "Re-running it on the same data dir resumes the same cluster."
    })
public final class DemoCommand implements Callable<Integer> {
  static final Duration STARTUP = Duration.ofMinutes(2);
  static final List<String> CHILD_JVM =
      List.of("-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  @ParentCommand Main main;

  @Option(
      names = "--hosts",
      paramLabel = "N",
      defaultValue = "4",
      description = "Simulated hosts (default 4).")
  int hosts;

  @Option(
      names = "--vms",
      paramLabel = "N",
      defaultValue = "40",
      description = "VMs to create (default 40).")
  int vms;

  @Option(
      names = "--duration",
      converter = Converters.DurationValue.class,
      paramLabel = "TIME",
      description = "Stop after this long, e.g. 60s, 10m (default: until Ctrl-C).")
  Duration duration;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "State and logs (default $VIMANA_HOME/demo or ~/.local/share/vimana/demo).")
  Path dataDir;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "REST API port (8080).")
  int httpPort;

  @Option(
      names = "--grpc-port",
      paramLabel = "PORT",
      defaultValue = "9090",
      description = "Node link port (9090).")
  int grpcPort;

  @Option(
      names = "--host-cores",
      paramLabel = "N",
      defaultValue = "16",
      description = "Cores per host (16).")
  int hostCores;

  @Option(
      names = "--host-memory",
      paramLabel = "SIZE",
      defaultValue = "64G",
      converter = Converters.MemoryMib.class,
      description = "Memory per host (64G).")
  long hostMemoryMib;

  @Override
  public Integer call() {
    return main.run(this::runDemo);
  }

  private void runDemo() throws Exception {
    if (hosts < 1 || vms < 0) {
      throw CliException.usage("--hosts must be at least 1 and --vms not negative");
    }
    Map<String, String> env = main.env();
    PrintStream out = main.out();
    Path dir = DataDirs.orDefault(dataDir, env, "demo");
    Path managerDir = dir.resolve("manager");
    Files.createDirectories(dir);
    URI url = URI.create("http://127.0.0.1:" + httpPort);
    Children children = new Children(dir.resolve("logs"), CHILD_JVM);
    Thread stopper = new Thread(children::close, "vimana-demo-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      out.println(
          "starting the manager and " + hosts + " nodes (logs in " + dir.resolve("logs") + ")...");
      children.start("manager", managerArgs(managerDir));
      VimanaClient client = awaitManager(children, managerDir.resolve("admin.token"), url);
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= hosts; i++) {
        String name = "demo-" + i;
        names.add(name);
        children.start("node-" + name, nodeArgs(dir, managerDir, name, i));
      }
      awaitHosts(children, client, names);
      int created = DemoInventory.ensure(client, vms, out);
      ClientConfig.write(
          ClientConfig.configFile(env), url.toString(), managerDir.resolve("admin.token"));
      printBanner(out, dir, managerDir, url, children, created);
      waitForEnd();
    } finally {
      children.close();
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running or has run; the children are being stopped either way.
      }
    }
    out.println("demo stopped; run it again with the same --data-dir to resume");
  }

  private List<String> managerArgs(Path managerDir) {
    return List.of(
        "manager",
        "--data-dir",
        managerDir.toString(),
        "--http-port",
        Integer.toString(httpPort),
        "--grpc-port",
        Integer.toString(grpcPort),
        "--bind",
        "127.0.0.1");
  }

  private List<String> nodeArgs(Path dir, Path managerDir, String name, int index) {
    return List.of(
        "node",
        "--name",
        name,
        "--manager",
        "127.0.0.1:" + grpcPort,
        "--join-token-file",
        managerDir.resolve("join.token").toString(),
        "--driver",
        "sim",
        "--state-dir",
        dir.resolve("nodes").resolve(name).toString(),
        "--driver-opt",
        "cores=" + hostCores,
        "--driver-opt",
        "memory=" + (hostMemoryMib % 1024 == 0 ? hostMemoryMib / 1024 + "G" : hostMemoryMib + "M"),
        "--driver-opt",
        "seed=" + index);
  }

  static VimanaClient awaitManager(Children children, Path tokenFile, URI url)
      throws CliException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (true) {
      checkAlive(children);
      if (Files.exists(tokenFile)) {
        try {
          VimanaClient client = new VimanaClient(url, Files.readString(tokenFile).strip());
          client.hosts();
          return client;
        } catch (ApiException | IOException e) {
          // Not answering yet (or a token from an earlier run, about to be replaced).
        }
      }
      if (System.nanoTime() > deadline) {
        throw new CliException(
            ExitCode.FAILURE,
            "the manager did not answer on "
                + url
                + " within "
                + STARTUP
                + ":\n"
                + children.tail("manager", 20));
      }
      Thread.sleep(250);
    }
  }

  static void awaitHosts(Children children, VimanaClient client, List<String> names)
      throws CliException, InterruptedException, ApiException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (true) {
      checkAlive(children);
      long up =
          client.hosts().stream()
              .filter(h -> names.contains(h.name()) && "up".equals(h.state()))
              .map(HostView::name)
              .count();
      if (up == names.size()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new CliException(
            ExitCode.FAILURE,
            "only "
                + up
                + " of "
                + names.size()
                + " hosts came up within "
                + STARTUP
                + "; see the node logs in "
                + children.log("x").getParent());
      }
      Thread.sleep(250);
    }
  }

  private static void checkAlive(Children children) throws CliException {
    for (var e : children.all().entrySet()) {
      if (!e.getValue().isAlive()) {
        throw new CliException(
            ExitCode.FAILURE,
            e.getKey()
                + " exited with code "
                + e.getValue().exitValue()
                + ":\n"
                + children.tail(e.getKey(), 20));
      }
    }
  }

  private void waitForEnd() throws InterruptedException {
    if (duration == null) {
      new CountDownLatch(1).await(); // until Ctrl-C; the shutdown hook stops the children
    } else {
      TimeUnit.MILLISECONDS.sleep(duration.toMillis());
    }
  }

  private void printBanner(
      PrintStream out, Path dir, Path managerDir, URI url, Children children, int created) {
    String vimana = DataDirs.launcher(main.env());
    Map<String, Process> all = children.all();
    long managerPid = all.get("manager").pid();
    String firstNode = "demo-1";
    long nodePid = all.get("node-" + firstNode).pid();
    out.println();
    out.println(
        "Vimana demo running: "
            + hosts
            + " hosts ("
            + hostCores
            + " cores, "
            + Sizes.formatMib(hostMemoryMib)
            + " each), "
            + vms
            + " VMs ("
            + created
            + " created now)");
    out.println("  API:           " + url);
    out.println("  admin token:   " + managerDir.resolve("admin.token"));
    out.println("  client config: " + ClientConfig.configFile(main.env()));
    out.println("  data and logs: " + dir);
    StringBuilder pids = new StringBuilder();
    all.forEach(
        (name, p) ->
            pids.append(pids.length() == 0 ? "" : ", ").append(name).append(' ').append(p.pid()));
    out.println("  processes:     " + pids);
    out.println();
    out.println("Try:");
    out.println("  " + vimana + " vm list");
    out.println("  " + vimana + " host list");
    out.println("  " + vimana + " vm stop web-01 && " + vimana + " events --vm web-01");
    out.println(
        "  kill " + managerPid + "    # the manager dies; VMs keep running. Restart it with:");
    out.println("  " + vimana + " " + DataDirs.shellLine(managerArgs(managerDir)));
    out.println(
        "  kill "
            + nodePid
            + "    # node "
            + firstNode
            + " dies; its host goes down. Restart it with:");
    out.println("  " + vimana + " " + DataDirs.shellLine(nodeArgs(dir, managerDir, firstNode, 1)));
    out.println();
    out.println(
        duration == null
            ? "Press Ctrl-C to stop the demo (it stops the processes it started)."
            : "The demo stops in " + duration.toSeconds() + " s (or on Ctrl-C).");
    out.flush();
  }
}
