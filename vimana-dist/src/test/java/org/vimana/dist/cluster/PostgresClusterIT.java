package org.vimana.dist.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * The same cluster scenario on a real PostgreSQL server, in a database of its own. The README test
 * command starts the server and passes its URL; without it this test fails and says so, it never
 * skips itself. The steps and their assertions are in {@link ClusterScenario}.
 */
class PostgresClusterIT extends ClusterScenario {
  @Override
  List<String> databaseArgs() throws Exception {
    String url = System.getProperty("vimana.test.postgres.url", "");
    String user = System.getProperty("vimana.test.postgres.user", "postgres");
    String password = System.getProperty("vimana.test.postgres.password", "");
    if (url.isBlank()) {
      throw new AssertionError(
          "no PostgreSQL server for the cluster tests: run ./test-all (it starts one), or pass"
              + " -Dvimana.test.postgres.url=jdbc:postgresql://HOST:PORT/postgres");
    }
    String db = "vimana_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL at " + url + " is not usable: " + e.getMessage(), e);
    }
    String dbUrl = url.substring(0, url.lastIndexOf('/') + 1) + db;
    Path passwordFile = Files.createTempFile("vimana-pg", ".pw");
    Files.writeString(passwordFile, password);
    return List.of(
        "--db-url", dbUrl, "--db-user", user, "--db-password-file", passwordFile.toString());
  }
}
