package org.vimana.agent.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/** Where an agent listens; opens a fresh blocking byte channel to it. */
public interface AgentEndpoint {
  /** Opens a new connection; the caller owns and closes it. */
  SocketChannel open(Duration timeout) throws IOException;

  /** For messages: "unix:/run/vm1.agent" or "tcp:10.0.0.5:9300". */
  String describe();

  static AgentEndpoint unix(Path path) {
    return new AgentEndpoint() {
      @Override
      public SocketChannel open(Duration timeout) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
          ch.connect(UnixDomainSocketAddress.of(path));
          return ch;
        } catch (IOException e) {
          ch.close();
          throw e;
        }
      }

      @Override
      public String describe() {
        return "unix:" + path;
      }
    };
  }

  static AgentEndpoint tcp(String host, int port) {
    return new AgentEndpoint() {
      @Override
      public SocketChannel open(Duration timeout) throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
          ch.socket().connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
          ch.socket().setTcpNoDelay(true);
          return ch;
        } catch (IOException e) {
          ch.close();
          throw e;
        }
      }

      @Override
      public String describe() {
        return "tcp:" + host + ":" + port;
      }
    };
  }

  /** Parses "unix:/path" or "tcp:host:port". */
  static AgentEndpoint parse(String spec) {
    if (spec.startsWith("unix:")) {
      return unix(Path.of(spec.substring(5)));
    }
    if (spec.startsWith("tcp:")) {
      int colon = spec.lastIndexOf(':');
      try {
        return tcp(spec.substring(4, colon), Integer.parseInt(spec.substring(colon + 1)));
      } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
        throw new IllegalArgumentException(
            "bad endpoint '" + spec + "', expected tcp:HOST:PORT", e);
      }
    }
    throw new IllegalArgumentException(
        "bad endpoint '" + spec + "', expected unix:/path or tcp:host:port");
  }
}
