package org.vimana.guest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.vimana.agent.client.AgentClient;
import org.vimana.agent.client.AgentEndpoint;
import org.vimana.agent.client.AgentException;
import org.vimana.agent.client.ClientOptions;
import org.vimana.agent.ext.StatusRequest;
import org.vimana.agent.ext.Subscription;
import org.vimana.agent.ext.VimanaCommands;
import org.vimana.agent.qga.QgaCommands;

/**
 * {@code java -cp vimana-guest-agent-standalone.jar org.vimana.guest.bench.FootprintBench [--java
 * BIN]... [--jar JAR] [--qemu-ga BIN] [--pings N] [--status N] [--cpu-seconds S]}. Each --java adds
 * a Vimana agent run with that java binary (the JDK's and a jlink'd runtime).
 */
public final class FootprintBench {
  /** The launcher's flags (src/main/dist/vimana-guest-agent); --jvm-flags replaces them. */
  static final List<String> JVM_FLAGS =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms4m",
          "-Xmx48m",
          "-XX:MaxMetaspaceSize=32m",
          "-Xss256k",
          "-XX:TieredStopAtLevel=1",
          "-XX:CICompilerCount=1",
          "-XX:ReservedCodeCacheSize=16m",
          "-Xshare:auto");

  private FootprintBench() {}

  /** One measured agent. */
  record Figures(
      String name,
      double startupMs,
      double rssMb,
      double cpuPercent,
      double pingP50Us,
      double pingP99Us,
      double statusP50Ms,
      double statusP99Ms) {}

  public static void main(String[] args) throws Exception {
    List<String> javas = new ArrayList<>();
    String jar = FootprintBench.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    String qemuGa = "/usr/sbin/qemu-ga";
    int pings = 2000;
    int statuses = 200;
    int cpuSeconds = 10;
    List<String> flags = JVM_FLAGS;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--java" -> javas.add(args[i + 1]);
        case "--jar" -> jar = args[i + 1];
        case "--qemu-ga" -> qemuGa = args[i + 1];
        case "--pings" -> pings = Integer.parseInt(args[i + 1]);
        case "--status" -> statuses = Integer.parseInt(args[i + 1]);
        case "--cpu-seconds" -> cpuSeconds = Integer.parseInt(args[i + 1]);
        case "--jvm-flags" -> flags = List.of(args[i + 1].trim().split("\\s+"));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (javas.isEmpty()) {
      javas.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
    Path dir = Files.createTempDirectory("vimana-bench");
    List<Figures> out = new ArrayList<>();
    for (String java : javas) {
      List<String> cmd = new ArrayList<>(List.of(java));
      cmd.addAll(flags);
      cmd.addAll(List.of("-jar", jar, "--listen", "unix:" + dir.resolve("v.sock")));
      out.add(
          measure(
              "vimana (" + java + ")", cmd, dir.resolve("v.sock"), pings, statuses, cpuSeconds));
    }
    if (Files.isExecutable(Path.of(qemuGa))) {
      List<String> cmd =
          List.of(
              qemuGa,
              "--method=unix-listen",
              "--path=" + dir.resolve("q.sock"),
              "--statedir=" + dir,
              "--pidfile=" + dir.resolve("q.pid"));
      out.add(measure("qemu-ga (baseline)", cmd, dir.resolve("q.sock"), pings, 0, 0));
    }
    System.out.printf(
        Locale.ROOT,
        "%-60s %10s %8s %8s %10s %10s %11s %11s%n",
        "agent",
        "start ms",
        "RSS MB",
        "CPU %",
        "ping p50",
        "ping p99",
        "status p50",
        "status p99");
    for (Figures f : out) {
      System.out.printf(
          Locale.ROOT,
          "%-60s %10.0f %8.1f %8.2f %8.0fus %8.0fus %9.2fms %9.2fms%n",
          f.name(),
          f.startupMs(),
          f.rssMb(),
          f.cpuPercent(),
          f.pingP50Us(),
          f.pingP99Us(),
          f.statusP50Ms(),
          f.statusP99Ms());
    }
  }

  static Figures measure(
      String name, List<String> cmd, Path socket, int pings, int statuses, int cpuSeconds)
      throws Exception {
    Files.deleteIfExists(socket);
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      AgentClient client = firstAnswer(socket, p);
      double startupMs = (System.nanoTime() - t0) / 1e6;
      try (client) {
        double[] ping = latencies(pings, () -> client.call(QgaCommands.PING));
        double[] status =
            statuses == 0
                ? new double[] {Double.NaN}
                : latencies(
                    statuses,
                    () -> client.call(VimanaCommands.STATUS, new StatusRequest(10, List.of())));
        double cpu = Double.NaN;
        if (cpuSeconds > 0) {
          client.call(VimanaCommands.SUBSCRIBE, new Subscription.Args(1000, 10));
          long before = cpuTicks(p.pid());
          Thread.sleep(cpuSeconds * 1000L);
          cpu = 100.0 * (cpuTicks(p.pid()) - before) / (cpuSeconds * 100.0);
        }
        return new Figures(
            name,
            startupMs,
            rss(p.pid()) / 1048576.0,
            cpu,
            pct(ping, 50) / 1000,
            pct(ping, 99) / 1000,
            pct(status, 50) / 1e6,
            pct(status, 99) / 1e6);
      }
    } finally {
      p.destroy();
      p.waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static AgentClient firstAnswer(Path socket, Process p) throws Exception {
    ClientOptions opts = ClientOptions.DEFAULT.withRequestTimeout(Duration.ofSeconds(5));
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      if (Files.exists(socket)) {
        try {
          AgentClient c = AgentClient.connect(AgentEndpoint.unix(socket), opts);
          c.call(QgaCommands.PING);
          return c;
        } catch (AgentException e) {
          // not listening yet
        }
      }
      if (!p.isAlive() || System.nanoTime() > end) {
        throw new IllegalStateException("agent did not answer: " + p.info().commandLine());
      }
      Thread.sleep(2);
    }
  }

  interface Call {
    void run() throws AgentException;
  }

  /** Warms up with a tenth of the calls, then times each call (nanoseconds, sorted). */
  static double[] latencies(int n, Call call) throws AgentException {
    for (int i = 0; i < Math.max(10, n / 10); i++) {
      call.run();
    }
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      long s = System.nanoTime();
      call.run();
      t[i] = System.nanoTime() - s;
    }
    Arrays.sort(t);
    return t;
  }

  static double pct(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  static long rss(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
      }
    }
    return -1;
  }

  static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }
}
