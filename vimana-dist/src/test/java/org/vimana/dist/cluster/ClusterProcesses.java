package org.vimana.dist.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.vimana.api.client.VimanaClient;

/**
 * Starts a manager and node daemons as real processes of the distribution (the same {@code vimana}
 * main class a user runs), and ends only those processes. One instance per test class.
 */
final class ClusterProcesses implements AutoCloseable {
  private final Path dir;
  private final List<String> managerDbArgs;
  private final int httpPort;
  private final int grpcPort;
  private Process manager;
  private final Map<String, Process> nodes = new LinkedHashMap<>();

  ClusterProcesses(Path dir, List<String> managerDbArgs) throws IOException {
    this.dir = dir;
    this.managerDbArgs = List.copyOf(managerDbArgs);
    this.httpPort = freePort();
    this.grpcPort = freePort();
  }

  Path managerDataDir() {
    return dir.resolve("manager");
  }

  URI apiUrl() {
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  void startManager() throws IOException {
    List<String> args = new ArrayList<>();
    args.add("manager");
    args.addAll(
        List.of(
            "--data-dir", managerDataDir().toString(),
            "--http-port", Integer.toString(httpPort),
            "--grpc-port", Integer.toString(grpcPort)));
    args.addAll(managerDbArgs);
    manager = launch("manager", args);
    awaitTrue(
        "manager API answering on " + apiUrl(),
        Duration.ofSeconds(60),
        () -> Files.exists(managerDataDir().resolve("admin.token")) && healthy());
  }

  /** SIGKILL: the manager gets no chance to clean up, as in a crash. */
  void killManager() throws InterruptedException {
    manager.destroyForcibly();
    manager.waitFor();
  }

  Process startNode(String name, String... driverOpts) throws IOException {
    return startNode(name, managerDataDir().resolve("join.token"), driverOpts);
  }

  Process startNode(String name, Path joinTokenFile, String... driverOpts) throws IOException {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "node",
            "--name",
            name,
            "--manager",
            "127.0.0.1:" + grpcPort,
            "--join-token-file",
            joinTokenFile.toString(),
            "--driver",
            "sim",
            "--state-dir",
            dir.resolve("node-" + name).toString()));
    for (String opt : driverOpts) {
      args.add("--driver-opt");
      args.add(opt);
    }
    Process p = launch("node-" + name, args);
    nodes.put(name, p);
    return p;
  }

  void killNode(String name) throws InterruptedException {
    Process p = nodes.remove(name);
    p.destroyForcibly();
    p.waitFor();
  }

  String adminToken() throws IOException {
    return Files.readString(managerDataDir().resolve("admin.token")).strip();
  }

  VimanaClient client() throws IOException {
    return new VimanaClient(apiUrl(), adminToken());
  }

  Path log(String name) {
    return dir.resolve(name + ".log");
  }

  private Process launch(String name, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-Xmx256m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.vimana.cli.Main");
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
    pb.environment().put("VIMANA_CONFIG", dir.resolve("client.json").toString());
    return pb.start();
  }

  private boolean healthy() {
    try {
      var http = java.net.http.HttpClient.newHttpClient();
      var r =
          http.send(
              java.net.http.HttpRequest.newBuilder(apiUrl().resolve("/healthz")).build(),
              java.net.http.HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Polls until {@code condition} holds, failing with {@code what} and the logs' tails if not. */
  void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
    throw new AssertionError("timed out after " + timeout + " waiting for " + what + logTails());
  }

  String logTails() {
    StringBuilder sb = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        List<String> lines = Files.readAllLines(p);
        sb.append("\n--- ").append(p.getFileName()).append(" (last 15 lines)\n");
        lines
            .subList(Math.max(0, lines.size() - 15), lines.size())
            .forEach(l -> sb.append(l).append('\n'));
      }
    } catch (IOException e) {
      sb.append("\n(cannot read logs: ").append(e).append(')');
    }
    return sb.toString();
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : nodes.values()) {
      p.destroy();
    }
    if (manager != null) {
      manager.destroy();
    }
    for (Process p : nodes.values()) {
      if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    if (manager != null && !manager.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      manager.destroyForcibly();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
