package org.vimana.node.agent;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real guest agent (the Vimana agent from its standalone jar, or a stock qemu-ga) as a separate
 * OS process listening on a unix socket, as a VM's channel would present it to the node.
 */
final class GuestAgentProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private GuestAgentProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** The Vimana agent; {@code extraArgs} such as {@code --block-rpcs guest-exec}. */
  static GuestAgentProcess vimana(Path socket, String... extraArgs) throws Exception {
    String jar = System.getProperty("vimana.agent.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException(
          "system property vimana.agent.jar must name vimana-guest-agent's standalone jar"
              + " (failsafe sets it); got "
              + jar);
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    cmd.addAll(List.of("-cp", jar, "org.vimana.guest.Main", "--listen", "unix:" + socket));
    cmd.addAll(List.of(extraArgs));
    return start(cmd, socket, Path.of(socket + ".log"));
  }

  /** A stock qemu-guest-agent; fails plainly when the Debian package is not installed. */
  static GuestAgentProcess qemuGa(Path socket) throws Exception {
    Path bin = Path.of("/usr/sbin/qemu-ga");
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException(
          "qemu-ga not found at /usr/sbin/qemu-ga: apt-get install -y qemu-guest-agent");
    }
    Path state = Files.createDirectories(Path.of(socket + ".state"));
    List<String> cmd =
        List.of(
            bin.toString(),
            "--method=unix-listen",
            "--path=" + socket,
            "--statedir=" + state,
            "--pidfile=" + state.resolve("qga.pid"));
    return start(cmd, socket, Path.of(socket + ".log"));
  }

  private static GuestAgentProcess start(List<String> cmd, Path socket, Path log) throws Exception {
    Files.deleteIfExists(socket);
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        ch.connect(UnixDomainSocketAddress.of(socket));
        return new GuestAgentProcess(p, log);
      } catch (IOException e) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              cmd.get(0) + " exited with " + p.exitValue() + ": " + Files.readString(log), e);
        }
        if (System.nanoTime() > end) {
          p.destroyForcibly();
          throw new IllegalStateException("no agent on " + socket + " after 20 s", e);
        }
        Thread.sleep(20);
      }
    }
  }

  /** SIGSTOP: the process hangs with its socket open, as a stuck agent does. */
  void freeze() throws Exception {
    signal("-STOP");
    // The signal is delivered asynchronously: wait until the kernel shows the process stopped.
    Path stat = Path.of("/proc/" + process.pid() + "/stat");
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      String s = Files.readString(stat);
      if (s.substring(s.lastIndexOf(')') + 2).startsWith("T")) {
        return;
      }
      if (System.nanoTime() > end) {
        throw new IllegalStateException("process " + process.pid() + " did not stop: " + s);
      }
      Thread.sleep(5);
    }
  }

  /** SIGCONT. */
  void thaw() throws Exception {
    signal("-CONT");
  }

  private void signal(String sig) throws Exception {
    Process k = new ProcessBuilder("kill", sig, Long.toString(process.pid())).start();
    if (k.waitFor() != 0) {
      throw new IllegalStateException("kill " + sig + " " + process.pid() + " failed");
    }
  }

  /** SIGKILL, as a crash. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(5, TimeUnit.SECONDS);
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      thaw();
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
