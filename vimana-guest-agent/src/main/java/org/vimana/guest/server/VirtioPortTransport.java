package org.vimana.guest.server;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A virtio-serial port found by name: /sys/class/virtio-ports/vportXpY/name holds the name given on
 * the host (org.vimana.agent.0) and /dev/vportXpY is the device. The port reads EOF while the host
 * side is closed; the agent then reopens it after a pause, so host reconnects and VM migrations
 * need no agent restart.
 */
final class VirtioPortTransport implements Transport {
  private static final long RETRY_MS = 500;

  private final String portName;
  private final Path root;
  private volatile boolean running = true;

  VirtioPortTransport(String portName, Path root) {
    this.portName = portName;
    this.root = root;
  }

  /** The /dev node of the named port, if the port exists. */
  static Optional<Path> find(Path root, String portName) throws IOException {
    Path ports = root.resolve("sys/class/virtio-ports");
    if (!Files.isDirectory(ports)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(ports)) {
      for (Path dir : dirs) {
        Path name = dir.resolve("name");
        if (Files.exists(name) && Files.readString(name).trim().equals(portName)) {
          return Optional.of(root.resolve("dev").resolve(dir.getFileName().toString()));
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public void serve(Agent agent) throws IOException, InterruptedException {
    boolean warned = false;
    while (running) {
      Optional<Path> dev = find(root, portName);
      if (dev.isEmpty()) {
        if (!warned) {
          System.err.println("vimana-guest-agent: waiting for virtio port " + portName);
          warned = true;
        }
        Thread.sleep(RETRY_MS * 2);
        continue;
      }
      try (InputStream in = new FileInputStream(dev.get().toFile());
          OutputStream out = new FileOutputStream(dev.get().toFile())) {
        agent.session(portName, in, out).run();
      } catch (IOException e) {
        System.err.println("vimana-guest-agent: " + dev.get() + ": " + e.getMessage());
      }
      Thread.sleep(RETRY_MS);
    }
  }

  @Override
  public void close() {
    running = false;
  }
}
