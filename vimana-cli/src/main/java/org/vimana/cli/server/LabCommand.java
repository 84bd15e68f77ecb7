package org.vimana.cli.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.cli.CliException;
import org.vimana.cli.ExitCode;
import org.vimana.cli.Main;
import org.vimana.cli.config.ClientConfig;
import org.vimana.lab.Lab;
import org.vimana.lab.LabHost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vimana lab up|down}: real VMs under QEMU on this machine. {@code up} starts lab hosts
 * (libvirtds in their own mount namespaces), a manager and one node per host on the libvirt driver
 * as background processes, registers the guest image as template {@code lab}, creates the VMs and
 * points the CLI at the manager. {@code down} ends exactly those processes (by the ids {@code up}
 * wrote) and the hosts, and removes the lab's directory.
 */
@Command(name = "lab", description = "A lab of real QEMU VMs on this machine: up, down.")
public final class LabCommand implements Runnable {
  private static final String PREFIX = "lab";

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: up, down");
  }

  @Command(name = "up", description = "Start the lab and point the CLI at it.")
  int up(
      @Option(names = "--hosts", defaultValue = "3", description = "Lab hosts (1-8, default 3).")
          int hosts,
      @Option(names = "--vms", defaultValue = "6", description = "VMs to create (default 6).")
          int vms,
      @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the lab lives.")
          Path dataDir,
      @Option(names = "--http-port", defaultValue = "8090", description = "API port (8090).")
          int httpPort,
      @Option(names = "--grpc-port", defaultValue = "9091", description = "Node link port (9091).")
          int grpcPort) {
    return main.run(() -> start(hosts, vms, dataDir, new Ports(httpPort, grpcPort)));
  }

  private record Ports(int http, int grpc) {}

  @Command(name = "down", description = "Stop every process of the lab and remove its files.")
  int down(
      @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the lab lives.")
          Path dataDir) {
    return main.run(() -> stop(dataDir));
  }

  private void start(int hosts, int vms, Path dataDir, Ports ports) throws Exception {
    if (hosts < 1 || hosts > 8 || vms < 0) {
      throw CliException.usage("--hosts must be 1 to 8 and --vms not negative");
    }
    PrintStream out = main.out();
    Path dir = DataDirs.orDefault(dataDir, main.env(), "lab");
    if (Files.exists(dir.resolve("pids"))) {
      throw new CliException(
          ExitCode.REFUSED, "a lab is already up in " + dir + "; run 'vimana lab down' first");
    }
    out.println("building the guest image and starting " + hosts + " lab hosts (QEMU TCG)...");
    Lab lab = Lab.start(cache(), dir.resolve("guests"), PREFIX, hosts);
    Files.writeString(
        dir.resolve("hosts"),
        String.join("\n", lab.hosts().stream().map(LabHost::name).toList()) + "\n");
    Children children = new Children(dir.resolve("logs"), DemoCommand.CHILD_JVM);
    boolean up = false;
    try {
      Path managerDir = dir.resolve("manager");
      children.start("manager", managerArgs(managerDir, ports));
      URI url = URI.create("http://127.0.0.1:" + ports.http());
      VimanaClient client =
          DemoCommand.awaitManager(children, managerDir.resolve("admin.token"), url);
      List<String> names = new ArrayList<>();
      for (LabHost h : lab.hosts()) {
        names.add(h.name());
        children.start("node-" + h.name(), nodeArgs(managerDir, h, lab.driverOptions(h), ports));
      }
      writePids(dir, children);
      DemoCommand.awaitHosts(children, client, names);
      if (client.templates().stream().noneMatch(t -> t.name().equals("lab"))) {
        client.createTemplate(Lab.template());
      }
      for (int i = 1; i <= vms; i++) {
        client.createVm(CreateVmRequest.fromTemplate("lab-vm-" + i, "lab"));
      }
      ClientConfig.write(
          ClientConfig.configFile(main.env()), url.toString(), managerDir.resolve("admin.token"));
      up = true;
      out.println("lab up: " + hosts + " hosts, " + vms + " VMs; manager " + url);
      out.println(
          "  try: vimana vm list; vimana vm console lab-vm-1; vimana vm migrate lab-vm-1 --to lab-2");
      out.println("  logs: " + dir.resolve("logs") + "; stop it all with: vimana lab down");
    } finally {
      if (!up) {
        children.close();
        lab.close();
        Files.deleteIfExists(dir.resolve("pids"));
        Files.deleteIfExists(dir.resolve("hosts"));
      }
    }
  }

  private void stop(Path dataDir) throws Exception {
    Path dir = DataDirs.orDefault(dataDir, main.env(), "lab");
    Path pids = dir.resolve("pids");
    if (!Files.exists(pids)) {
      throw new CliException(ExitCode.NOT_FOUND, "no lab is up in " + dir);
    }
    List<ProcessHandle> ours = new ArrayList<>();
    for (String line : Files.readAllLines(pids, StandardCharsets.UTF_8)) {
      Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(line.strip()));
      // A recycled pid belongs to someone else: only a vimana JVM started for this lab is ours.
      if (p.isPresent() && isOurs(p.get(), dir)) {
        ours.add(p.get());
      }
    }
    for (ProcessHandle p : ours) {
      p.destroy();
    }
    for (ProcessHandle p : ours) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        p.destroyForcibly();
      }
    }
    Path hostList = dir.resolve("hosts");
    List<String> hosts =
        Files.exists(hostList) ? Files.readAllLines(hostList, StandardCharsets.UTF_8) : List.of();
    for (String h : hosts) {
      if (h.isBlank()) {
        continue;
      }
      boolean stopped =
          new ProcessBuilder(
                  "sh", cache().resolve("scripts/lab-host.sh").toString(), "stop", h.strip())
              .inheritIO()
              .start()
              .waitFor(60, TimeUnit.SECONDS);
      if (!stopped) {
        main.err().println("lab host " + h + " did not stop within 60 s");
      }
      deleteTree(cache().resolve("hosts").resolve(h.strip()));
    }
    deleteTree(dir);
    main.out().println("lab down: " + ours.size() + " processes ended, " + dir + " removed");
  }

  private static boolean isOurs(ProcessHandle p, Path dir) {
    String cmd;
    try {
      // /proc holds the whole command line; ProcessHandle.Info may not (it can be empty).
      cmd =
          new String(
              Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")),
              StandardCharsets.UTF_8);
    } catch (IOException e) {
      cmd = p.info().commandLine().orElse("");
    }
    return cmd.contains("org.vimana.cli.Main") && cmd.contains(dir.toString());
  }

  private static void writePids(Path dir, Children children) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Process p : children.all().values()) {
      sb.append(p.pid()).append('\n');
    }
    Files.writeString(dir.resolve("pids"), sb.toString());
  }

  private Path cache() {
    String home = System.getProperty("user.home");
    return Path.of(main.env().getOrDefault("VIMANA_LAB_CACHE", home + "/.cache/vimana/lab"));
  }

  private static List<String> managerArgs(Path managerDir, Ports ports) {
    return List.of(
        "manager",
        "--data-dir",
        managerDir.toString(),
        "--http-port",
        Integer.toString(ports.http()),
        "--grpc-port",
        Integer.toString(ports.grpc()),
        "--bind",
        "127.0.0.1");
  }

  private static List<String> nodeArgs(
      Path managerDir, LabHost h, Map<String, String> options, Ports ports) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "node",
                "--name",
                h.name(),
                "--manager",
                "127.0.0.1:" + ports.grpc(),
                "--join-token-file",
                managerDir.resolve("join.token").toString(),
                "--driver",
                "libvirt"));
    options.forEach((k, v) -> args.addAll(List.of("--driver-opt", k + "=" + v)));
    return args;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
