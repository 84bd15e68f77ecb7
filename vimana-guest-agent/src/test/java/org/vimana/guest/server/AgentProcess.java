package org.vimana.guest.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An agent (ours or qemu-ga) running as a separate OS process on a unix socket, for *IT tests. */
public final class AgentProcess implements AutoCloseable {
  public final Process process;
  public final Path socket;

  private AgentProcess(Process process, Path socket) {
    this.process = process;
    this.socket = socket;
  }

  /** Starts the Vimana agent from the standalone jar the build just made. */
  public static AgentProcess vimana(Path dir, String... extraArgs) throws Exception {
    String jar = System.getProperty("vimana.agent.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException(
          "system property vimana.agent.jar must name the standalone jar (run through failsafe)");
    }
    Path socket = dir.resolve("agent.sock");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xmx64m", "-XX:+UseSerialGC", "-cp", jar, "org.vimana.guest.Main"));
    cmd.addAll(List.of("--listen", "unix:" + socket));
    cmd.addAll(List.of(extraArgs));
    return start(cmd, socket, dir.resolve("agent.log"));
  }

  /** Starts a stock qemu-ga; fails plainly when the Debian package is not installed. */
  public static AgentProcess qemuGa(Path dir, String... extraArgs) throws Exception {
    Path bin = Path.of("/usr/sbin/qemu-ga");
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException(
          "qemu-ga not found at /usr/sbin/qemu-ga: install the Debian package"
              + " (apt-get install -y qemu-guest-agent)");
    }
    Path socket = dir.resolve("qga.sock");
    List<String> cmd = new ArrayList<>();
    cmd.addAll(
        List.of(
            bin.toString(),
            "--method=unix-listen",
            "--path=" + socket,
            "--statedir=" + dir,
            "--pidfile=" + dir.resolve("qga.pid")));
    cmd.addAll(List.of(extraArgs));
    return start(cmd, socket, dir.resolve("qga.log"));
  }

  private static AgentProcess start(List<String> cmd, Path socket, Path log) throws Exception {
    Files.createDirectories(socket.getParent());
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!Files.exists(socket)) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            cmd.get(0) + " exited with " + p.exitValue() + ": " + Files.readString(log));
      }
      if (System.nanoTime() > end) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "no socket " + socket + " after 20 s: " + Files.readString(log));
      }
      Thread.sleep(20);
    }
    // the file appears at bind(), a moment before listen(): wait until a connect succeeds
    while (true) {
      try (java.nio.channels.SocketChannel ch =
          java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
        ch.connect(java.net.UnixDomainSocketAddress.of(socket));
        break;
      } catch (IOException e) {
        if (System.nanoTime() > end) {
          throw new IllegalStateException("cannot connect to " + socket, e);
        }
        Thread.sleep(20);
      }
    }
    return new AgentProcess(p, socket);
  }

  /** Resident memory of the process in bytes, from /proc/PID/status. */
  public long rssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
      }
    }
    return -1;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
