package org.vimana.manager.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.vimana.core.vm.MigrationState;
import org.vimana.manager.store.MigrationRecord;
import org.vimana.manager.store.MigrationStore;

/** Live migrations in table {@code migrations}. */
public final class JdbcMigrationStore implements MigrationStore {
  private static final String COLUMNS =
      "vm_id, vm_name, source_host_id, target_host_id, state, max_downtime_ms, bandwidth_mib_s,"
          + " requested_at, ended_at, total_ms, downtime_ms, transferred_mib, message, id";
  private static final int MESSAGE_MAX = 4000;

  private final Jdbc jdbc;

  public JdbcMigrationStore(DataSource ds) {
    this.jdbc = new Jdbc(ds);
  }

  @Override
  public void insert(MigrationRecord m) {
    jdbc.update(
        "INSERT INTO migrations (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        ps -> bind(ps, m));
  }

  @Override
  public void update(MigrationRecord m) {
    jdbc.update(
        "UPDATE migrations SET vm_id=?, vm_name=?, source_host_id=?, target_host_id=?, state=?,"
            + " max_downtime_ms=?, bandwidth_mib_s=?, requested_at=?, ended_at=?, total_ms=?,"
            + " downtime_ms=?, transferred_mib=?, message=? WHERE id=?",
        ps -> bind(ps, m));
  }

  @Override
  public Optional<MigrationRecord> find(String id) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM migrations WHERE id=?",
        ps -> ps.setString(1, id),
        JdbcMigrationStore::row);
  }

  @Override
  public List<MigrationRecord> recent(String vmId, int limit) {
    String where = vmId == null ? "" : " WHERE vm_id=?";
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM migrations" + where + " ORDER BY requested_at DESC LIMIT ?",
        ps -> {
          int i = 1;
          if (vmId != null) {
            ps.setString(i++, vmId);
          }
          ps.setInt(i, limit);
        },
        JdbcMigrationStore::row);
  }

  private static void bind(PreparedStatement ps, MigrationRecord m) throws SQLException {
    ps.setString(1, m.vmId());
    ps.setString(2, m.vmName());
    ps.setString(3, m.sourceHostId());
    ps.setString(4, m.targetHostId());
    ps.setString(5, m.state().name());
    ps.setLong(6, m.maxDowntimeMillis());
    ps.setLong(7, m.bandwidthMibPerSecond());
    ps.setTimestamp(8, Jdbc.ts(m.requestedAt()));
    ps.setTimestamp(9, Jdbc.ts(m.endedAt()));
    setLong(ps, 10, m.totalMillis());
    setLong(ps, 11, m.downtimeMillis());
    setLong(ps, 12, m.transferredMib());
    String msg = m.message() == null ? "" : m.message();
    ps.setString(13, msg.length() > MESSAGE_MAX ? msg.substring(0, MESSAGE_MAX) : msg);
    ps.setString(14, m.id());
  }

  private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  private static Long getLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static MigrationRecord row(ResultSet rs) throws SQLException {
    return new MigrationRecord(
        rs.getString("id"),
        rs.getString("vm_id"),
        rs.getString("vm_name"),
        rs.getString("source_host_id"),
        rs.getString("target_host_id"),
        MigrationState.valueOf(rs.getString("state")),
        rs.getLong("max_downtime_ms"),
        rs.getLong("bandwidth_mib_s"),
        Jdbc.instant(rs.getTimestamp("requested_at")),
        Jdbc.instant(rs.getTimestamp("ended_at")),
        getLong(rs, "total_ms"),
        getLong(rs, "downtime_ms"),
        getLong(rs, "transferred_mib"),
        rs.getString("message"));
  }
}
