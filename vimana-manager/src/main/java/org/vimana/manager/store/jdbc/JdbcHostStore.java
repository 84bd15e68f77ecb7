package org.vimana.manager.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.vimana.core.host.HostCapacity;
import org.vimana.core.host.HostInfo;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.HostStore;

/** Hosts in table {@code hosts}. */
public final class JdbcHostStore implements HostStore {
  private static final String COLUMNS =
      "id, name, driver, hypervisor, cpu_model, cpu_cores, cpu_mhz, memory_mib, disk_gib,"
          + " maintenance, registered_at, last_seen";
  private final Jdbc jdbc;

  public JdbcHostStore(DataSource ds) {
    this.jdbc = new Jdbc(ds);
  }

  @Override
  public synchronized HostRecord upsert(HostInfo info, Instant now) {
    Optional<HostRecord> existing = findByName(info.name());
    HostCapacity c = info.capacity();
    if (existing.isPresent()) {
      String id = existing.get().id();
      jdbc.update(
          "UPDATE hosts SET driver=?, hypervisor=?, cpu_model=?, cpu_cores=?, cpu_mhz=?,"
              + " memory_mib=?, disk_gib=?, last_seen=? WHERE id=?",
          ps -> {
            ps.setString(1, info.driver());
            ps.setString(2, info.hypervisor());
            ps.setString(3, info.cpuModel());
            ps.setInt(4, c.cpuCores());
            ps.setInt(5, c.cpuMhz());
            ps.setLong(6, c.memoryMib());
            ps.setLong(7, c.diskGib());
            ps.setTimestamp(8, Jdbc.ts(now));
            ps.setString(9, id);
          });
      return new HostRecord(
          id, info, existing.get().maintenance(), existing.get().registeredAt(), now);
    }
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO hosts (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        ps -> {
          ps.setString(1, id);
          ps.setString(2, info.name());
          ps.setString(3, info.driver());
          ps.setString(4, info.hypervisor());
          ps.setString(5, info.cpuModel());
          ps.setInt(6, c.cpuCores());
          ps.setInt(7, c.cpuMhz());
          ps.setLong(8, c.memoryMib());
          ps.setLong(9, c.diskGib());
          ps.setBoolean(10, false);
          ps.setTimestamp(11, Jdbc.ts(now));
          ps.setTimestamp(12, Jdbc.ts(now));
        });
    return new HostRecord(id, info, false, now, now);
  }

  private Optional<HostRecord> findByName(String name) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM hosts WHERE name=?", ps -> ps.setString(1, name), this::row);
  }

  @Override
  public Optional<HostRecord> find(String idOrName) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM hosts WHERE id=? OR name=?",
        ps -> {
          ps.setString(1, idOrName);
          ps.setString(2, idOrName);
        },
        this::row);
  }

  @Override
  public List<HostRecord> list() {
    return jdbc.query("SELECT " + COLUMNS + " FROM hosts ORDER BY name", ps -> {}, this::row);
  }

  @Override
  public void setMaintenance(String id, boolean maintenance) {
    jdbc.update(
        "UPDATE hosts SET maintenance=? WHERE id=?",
        ps -> {
          ps.setBoolean(1, maintenance);
          ps.setString(2, id);
        });
  }

  @Override
  public void touch(String id, Instant lastSeen) {
    jdbc.update(
        "UPDATE hosts SET last_seen=? WHERE id=?",
        ps -> {
          ps.setTimestamp(1, Jdbc.ts(lastSeen));
          ps.setString(2, id);
        });
  }

  private HostRecord row(ResultSet rs) throws SQLException {
    HostInfo info =
        new HostInfo(
            rs.getString("name"),
            rs.getString("driver"),
            rs.getString("hypervisor"),
            new HostCapacity(
                rs.getInt("cpu_cores"),
                rs.getInt("cpu_mhz"),
                rs.getLong("memory_mib"),
                rs.getLong("disk_gib")),
            rs.getString("cpu_model"));
    return new HostRecord(
        rs.getString("id"),
        info,
        rs.getBoolean("maintenance"),
        Jdbc.instant(rs.getTimestamp("registered_at")),
        Jdbc.instant(rs.getTimestamp("last_seen")));
  }
}
