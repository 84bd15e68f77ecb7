package org.vimana.manager.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.vimana.manager.store.DuplicateNameException;
import org.vimana.manager.store.StoreException;

/** The few JDBC patterns the stores use, with SQL errors turned into store exceptions. */
final class Jdbc {
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final DataSource ds;

  Jdbc(DataSource ds) {
    this.ds = ds;
  }

  <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreException("query failed: " + e.getMessage(), e);
    }
  }

  <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper) {
    List<T> all = query(sql, binder, mapper);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  int update(String sql, Binder binder) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      // 23505: unique violation in both H2 and PostgreSQL.
      if ("23505".equals(e.getSQLState())) {
        throw new DuplicateNameException("already exists", e);
      }
      throw new StoreException("update failed: " + e.getMessage(), e);
    }
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
