package org.vimana.agent.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Client settings.
 *
 * @param connectTimeout for opening the socket and for the initial sync and probe
 * @param requestTimeout default per-request timeout
 * @param maxMessageBytes largest reply accepted (a guest-file-read of 48 MiB needs 64 MiB)
 * @param autoReconnect reconnect lazily on the next call after the connection dropped
 * @param listener connection lifecycle hook (reconnect hook)
 */
public record ClientOptions(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxMessageBytes,
    boolean autoReconnect,
    ConnectionListener listener) {

  public static final ClientOptions DEFAULT =
      new ClientOptions(
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          16 << 20,
          true,
          new ConnectionListener() {});

  public ClientOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(listener, "listener");
  }

  public ClientOptions withRequestTimeout(Duration timeout) {
    return new ClientOptions(connectTimeout, timeout, maxMessageBytes, autoReconnect, listener);
  }

  public ClientOptions withListener(ConnectionListener l) {
    return new ClientOptions(connectTimeout, requestTimeout, maxMessageBytes, autoReconnect, l);
  }
}
