package org.vimana.manager.cluster;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real Vimana guest agent as a separate process on a VM's channel socket. */
final class GuestAgentProcess implements AutoCloseable {
  private final Process process;

  private GuestAgentProcess(Process process) {
    this.process = process;
  }

  static GuestAgentProcess start(Path socket, String... extraArgs) throws Exception {
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
    Path log = Path.of(socket + ".log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        ch.connect(UnixDomainSocketAddress.of(socket));
        return new GuestAgentProcess(p);
      } catch (IOException e) {
        if (!p.isAlive() || System.nanoTime() > end) {
          p.destroyForcibly();
          throw new IllegalStateException("the agent did not start: " + Files.readString(log), e);
        }
        Thread.sleep(20);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
