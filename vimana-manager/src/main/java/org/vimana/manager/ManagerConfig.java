package org.vimana.manager;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a manager runs.
 *
 * @param dataDir where tokens and the embedded database live
 * @param dbUrl JDBC URL of the inventory; null for an embedded H2 file in {@code dataDir}
 * @param bindAddress address of the REST API and the node link
 * @param httpPort REST API port, 0 for any free port
 * @param grpcPort node link port, 0 for any free port
 * @param heartbeatInterval how often nodes heartbeat
 * @param heartbeatTimeout silence after which a host is declared down
 * @param statsInterval how often nodes send host and VM figures
 */
public record ManagerConfig(
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    String bindAddress,
    int httpPort,
    int grpcPort,
    Duration heartbeatInterval,
    Duration heartbeatTimeout,
    Duration statsInterval) {
  public ManagerConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    bindAddress = bindAddress == null ? "127.0.0.1" : bindAddress;
    if (httpPort < 0 || httpPort > 65535 || grpcPort < 0 || grpcPort > 65535) {
      throw new IllegalArgumentException("ports must be between 0 and 65535");
    }
    heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(2) : heartbeatInterval;
    heartbeatTimeout = heartbeatTimeout == null ? Duration.ofSeconds(10) : heartbeatTimeout;
    statsInterval = statsInterval == null ? Duration.ofSeconds(5) : statsInterval;
    if (heartbeatTimeout.compareTo(heartbeatInterval) <= 0) {
      throw new IllegalArgumentException("heartbeatTimeout must be longer than heartbeatInterval");
    }
  }

  /** Embedded H2 in {@code dataDir}, loopback, any free ports, default intervals. */
  public static ManagerConfig defaults(Path dataDir) {
    return new ManagerConfig(dataDir, null, null, null, null, 0, 0, null, null, null);
  }

  public ManagerConfig withPorts(int http, int grpc) {
    return new ManagerConfig(
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        bindAddress,
        http,
        grpc,
        heartbeatInterval,
        heartbeatTimeout,
        statsInterval);
  }

  public ManagerConfig withDatabase(String url, String user, String password) {
    return new ManagerConfig(
        dataDir,
        url,
        user,
        password,
        bindAddress,
        httpPort,
        grpcPort,
        heartbeatInterval,
        heartbeatTimeout,
        statsInterval);
  }

  public ManagerConfig withIntervals(Duration heartbeat, Duration timeout, Duration stats) {
    return new ManagerConfig(
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        bindAddress,
        httpPort,
        grpcPort,
        heartbeat,
        timeout,
        stats);
  }

  /** The JDBC URL in use: the configured one or the embedded H2 file. */
  public String effectiveDbUrl() {
    return dbUrl != null
        ? dbUrl
        // WRITE_DELAY=0: a commit reaches the file at once, so a killed manager loses nothing.
        : "jdbc:h2:file:"
            + dataDir.toAbsolutePath().resolve("inventory")
            + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0";
  }
}
