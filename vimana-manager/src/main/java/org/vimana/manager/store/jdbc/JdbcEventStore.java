package org.vimana.manager.store.jdbc;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.vimana.api.model.EventView;
import org.vimana.manager.store.EventStore;

/** The event history in table {@code events}. */
public final class JdbcEventStore implements EventStore {
  private static final int MESSAGE_MAX = 4000;
  private final Jdbc jdbc;

  public JdbcEventStore(DataSource ds) {
    this.jdbc = new Jdbc(ds);
  }

  @Override
  public void append(EventView e) {
    String msg =
        e.message().length() > MESSAGE_MAX ? e.message().substring(0, MESSAGE_MAX) : e.message();
    jdbc.update(
        "INSERT INTO events (occurred_at, vm_id, vm_name, host_id, host_name, event_type,"
            + " vm_state, message) VALUES (?,?,?,?,?,?,?,?)",
        ps -> {
          ps.setTimestamp(1, Jdbc.ts(e.at() == null ? Instant.now() : e.at()));
          ps.setString(2, e.vmId());
          ps.setString(3, e.vmName());
          ps.setString(4, e.hostId());
          ps.setString(5, e.hostName());
          ps.setString(6, e.type());
          ps.setString(7, e.state());
          ps.setString(8, msg);
        });
  }

  @Override
  public List<EventView> recent(String vmId, int limit) {
    String where = vmId == null ? "" : " WHERE vm_id=?";
    return jdbc.query(
        "SELECT id, occurred_at, vm_id, vm_name, host_id, host_name, event_type, vm_state, message"
            + " FROM events"
            + where
            + " ORDER BY id DESC LIMIT ?",
        ps -> {
          int i = 1;
          if (vmId != null) {
            ps.setString(i++, vmId);
          }
          ps.setInt(i, limit);
        },
        rs ->
            new EventView(
                rs.getLong("id"),
                Jdbc.instant(rs.getTimestamp("occurred_at")),
                rs.getString("vm_id"),
                rs.getString("vm_name"),
                rs.getString("host_id"),
                rs.getString("host_name"),
                rs.getString("event_type"),
                rs.getString("vm_state"),
                rs.getString("message")));
  }
}
