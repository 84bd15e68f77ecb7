package org.vimana.manager.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.vimana.manager.ManagerConfig;

/**
 * A database of its own on the PostgreSQL server that the README test command starts; without the
 * server's URL it fails and says so, never skips.
 */
final class PostgresTestDatabase {
  private String dbUrl;

  ManagerConfig apply(ManagerConfig config) {
    String url = System.getProperty("vimana.test.postgres.url", "");
    String user = System.getProperty("vimana.test.postgres.user", "postgres");
    String password = System.getProperty("vimana.test.postgres.password", "");
    if (url.isBlank()) {
      throw new AssertionError(
          "no PostgreSQL server for the tests: run ./test-all (it starts one), or pass"
              + " -Dvimana.test.postgres.url=jdbc:postgresql://HOST:PORT/postgres");
    }
    if (dbUrl == null) {
      String db = "vimana_m_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection c = DriverManager.getConnection(url, user, password);
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + db);
      } catch (SQLException e) {
        throw new AssertionError("PostgreSQL at " + url + " is not usable: " + e.getMessage(), e);
      }
      dbUrl = url.substring(0, url.lastIndexOf('/') + 1) + db;
    }
    return config.withDatabase(dbUrl, user, password);
  }
}
