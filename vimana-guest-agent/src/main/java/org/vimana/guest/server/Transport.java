package org.vimana.guest.server;

import java.io.IOException;

/** A way of receiving connections; {@link #serve} runs until the agent stops. */
public interface Transport extends AutoCloseable {
  void serve(Agent agent) throws IOException, InterruptedException;

  @Override
  void close() throws IOException;

  /** Parses --listen: virtio[:NAME], unix:/path, tcp:host:port or stdio. */
  static Transport parse(String spec) {
    if (spec.equals("stdio")) {
      return new StdioTransport();
    }
    if (spec.equals("virtio")) {
      return new VirtioPortTransport(
          org.vimana.guest.policy.AgentConfig.DEFAULT_PORT, java.nio.file.Path.of("/"));
    }
    if (spec.startsWith("virtio:")) {
      return new VirtioPortTransport(spec.substring(7), java.nio.file.Path.of("/"));
    }
    if (spec.startsWith("unix:") || spec.startsWith("tcp:")) {
      return SocketTransport.parse(spec);
    }
    throw new IllegalArgumentException(
        "bad --listen '" + spec + "': expected virtio[:NAME], unix:/path, tcp:host:port or stdio");
  }
}
