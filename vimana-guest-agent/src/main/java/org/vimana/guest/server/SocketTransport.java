package org.vimana.guest.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * A unix or TCP listener for guests without virtio-serial. At most {@link #MAX_SESSIONS}
 * connections at once; more are closed at once so a connection flood cannot exhaust threads.
 */
final class SocketTransport implements Transport {
  static final int MAX_SESSIONS = 8;

  private final SocketAddress address;
  private final Path unixPath;
  private final Semaphore slots = new Semaphore(MAX_SESSIONS);
  private volatile ServerSocketChannel server;

  private SocketTransport(SocketAddress address, Path unixPath) {
    this.address = address;
    this.unixPath = unixPath;
  }

  static SocketTransport parse(String spec) {
    if (spec.startsWith("unix:")) {
      Path p = Path.of(spec.substring(5));
      return new SocketTransport(UnixDomainSocketAddress.of(p), p);
    }
    String hostPort = spec.substring(4);
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("bad --listen '" + spec + "': expected tcp:host:port");
    }
    int port;
    try {
      port = Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in --listen '" + spec + "'", e);
    }
    return new SocketTransport(new InetSocketAddress(hostPort.substring(0, colon), port), null);
  }

  @Override
  public void serve(Agent agent) throws IOException {
    ServerSocketChannel s;
    if (unixPath != null) {
      Files.deleteIfExists(unixPath); // a stale socket from a previous run blocks bind
      s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    } else {
      s = ServerSocketChannel.open();
    }
    s.bind(address);
    server = s;
    int n = 0;
    while (s.isOpen()) {
      SocketChannel ch;
      try {
        ch = s.accept();
      } catch (IOException e) {
        if (!s.isOpen()) {
          return;
        }
        throw e;
      }
      if (!slots.tryAcquire()) {
        ch.close();
        continue;
      }
      Session session = agent.session("conn-" + ++n, ChannelStreams.in(ch), ChannelStreams.out(ch));
      Thread t =
          new Thread(
              () -> {
                try {
                  session.run();
                } finally {
                  slots.release();
                }
              },
              "agent-session " + session.name());
      t.setDaemon(true);
      t.start();
    }
  }

  @Override
  public void close() throws IOException {
    ServerSocketChannel s = server;
    if (s != null) {
      s.close();
    }
    if (unixPath != null) {
      Files.deleteIfExists(unixPath);
    }
  }
}
