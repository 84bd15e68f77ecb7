package org.vimana.guest.server;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A virtio-serial port found by name: /sys/class/virtio-ports/vportXpY/name holds the name given on
 * the host (org.vimana.agent.0) and /dev/vportXpY is the device. A port opens once only (a second
 * open fails with EBUSY), so reads and writes share one read-write descriptor. The port reads EOF
 * while the host side is closed; the agent keeps the descriptor and polls it every 50 ms, because
 * closing it would discard what the host sent but the agent had not read yet. Host reconnects and
 * VM migrations need no agent restart.
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
      try (RandomAccessFile port = new RandomAccessFile(dev.get().toFile(), "rw")) {
        FileDescriptor fd = port.getFD();
        agent
            .session(portName, new WaitOnEof(new FileInputStream(fd)), new FileOutputStream(fd))
            .run();
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

  /** EOF on a port means "no host client right now": wait for one instead of ending the session. */
  private final class WaitOnEof extends FilterInputStream {
    private static final long EOF_POLL_MS = 50;

    WaitOnEof(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (true) {
        int n = super.read(b, off, len);
        if (n >= 0 || !running) {
          return n;
        }
        try {
          Thread.sleep(EOF_POLL_MS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return -1;
        }
      }
    }
  }
}
