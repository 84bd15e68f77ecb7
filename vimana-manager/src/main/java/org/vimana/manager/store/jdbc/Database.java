package org.vimana.manager.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.vimana.manager.store.StoreException;

/** Opens the connection pool and brings the schema up to date with Flyway. */
public final class Database {
  private Database() {}

  /**
   * Opens the database at {@code url}, migrating its schema.
   *
   * @throws StoreException naming the URL when the database cannot be reached or migrated
   */
  public static HikariDataSource open(String url, String user, String password) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(url);
    if (user != null) {
      cfg.setUsername(user);
    }
    if (password != null) {
      cfg.setPassword(password);
    }
    cfg.setMaximumPoolSize(16);
    cfg.setPoolName("vimana-inventory");
    cfg.setInitializationFailTimeout(10_000);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(cfg);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open the inventory database " + url + ": " + e, e);
    }
    try {
      Flyway.configure().dataSource(ds).load().migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw new StoreException("cannot migrate the inventory database " + url + ": " + e, e);
    }
    return ds;
  }
}
