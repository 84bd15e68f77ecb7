package org.vimana.cli.server;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code vimana manager} was asked to run, validated.
 *
 * @param dataDir where the embedded database, tokens and keys live
 * @param bind the address the REST API and the node link listen on
 * @param httpPort REST API port (0 picks a free one)
 * @param grpcPort node link port (0 picks a free one)
 * @param dbUrl a PostgreSQL JDBC URL, or empty for the embedded H2 database
 * @param dbUser the database user, if any
 * @param dbPassword the database password read from its file, if any
 */
public record ManagerOptions(
    Path dataDir,
    String bind,
    int httpPort,
    int grpcPort,
    Optional<String> dbUrl,
    Optional<String> dbUser,
    Optional<String> dbPassword) {
  public ManagerOptions {
    port("--http-port", httpPort);
    port("--grpc-port", grpcPort);
    if (dbUrl.isPresent() && !dbUrl.get().startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "--db-url must be a JDBC URL such as jdbc:postgresql://HOST:5432/vimana, got '"
              + dbUrl.get()
              + "'");
    }
  }

  static void port(String option, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(option + " must be 0..65535, got " + port);
    }
  }
}
