package org.vimana.manager.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.manager.store.DuplicateNameException;
import org.vimana.manager.store.HostAllocation;
import org.vimana.manager.store.VmRecord;
import org.vimana.manager.store.VmStore;

/** VMs in table {@code vms}; tags are kept as ",a,b," in one column. */
public final class JdbcVmStore implements VmStore {
  private static final String COLUMNS =
      "id, name, host_id, state, vcpus, memory_mib, disk_gib, template, image, workload, tags,"
          + " boot_count, created_at, updated_at";

  /** States in which a VM holds, or is about to hold, its host's CPU and memory. */
  private static final String HOLDS =
      "state NOT IN ('" + VmState.STOPPED.name() + "','" + VmState.CRASHED.name() + "')";

  private final Jdbc jdbc;

  public JdbcVmStore(DataSource ds) {
    this.jdbc = new Jdbc(ds);
  }

  @Override
  public void insert(VmRecord vm) {
    VmSpec s = vm.spec();
    try {
      jdbc.update(
          "INSERT INTO vms (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
          ps -> {
            ps.setString(1, vm.id());
            ps.setString(2, s.name());
            ps.setString(3, vm.hostId());
            ps.setString(4, vm.state().name());
            ps.setInt(5, s.vcpus());
            ps.setLong(6, s.memoryMib());
            ps.setLong(7, s.diskGib());
            ps.setString(8, vm.template());
            ps.setString(9, s.image());
            ps.setString(10, WorkloadJson.write(s.workload()));
            ps.setString(11, encodeTags(vm.tags()));
            ps.setLong(12, vm.bootCount());
            ps.setTimestamp(13, Jdbc.ts(vm.createdAt()));
            ps.setTimestamp(14, Jdbc.ts(vm.updatedAt()));
          });
    } catch (DuplicateNameException e) {
      throw new DuplicateNameException("a VM named '" + s.name() + "' already exists", e);
    }
  }

  @Override
  public Optional<VmRecord> find(String idOrName) {
    // Two indexed lookups: an OR across two indexes makes some databases scan the table.
    Optional<VmRecord> byId =
        jdbc.one(
            "SELECT " + COLUMNS + " FROM vms WHERE id=?",
            ps -> ps.setString(1, idOrName),
            JdbcVmStore::row);
    return byId.isPresent()
        ? byId
        : jdbc.one(
            "SELECT " + COLUMNS + " FROM vms WHERE name=?",
            ps -> ps.setString(1, idOrName),
            JdbcVmStore::row);
  }

  @Override
  public List<VmRecord> list(String tag, String hostId, VmState state) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM vms WHERE 1=1");
    List<String> args = new ArrayList<>();
    if (tag != null) {
      sql.append(" AND tags LIKE ?");
      args.add("%," + tag + ",%");
    }
    if (hostId != null) {
      sql.append(" AND host_id=?");
      args.add(hostId);
    }
    if (state != null) {
      sql.append(" AND state=?");
      args.add(state.name());
    }
    sql.append(" ORDER BY name");
    return jdbc.query(
        sql.toString(),
        ps -> {
          for (int i = 0; i < args.size(); i++) {
            ps.setString(i + 1, args.get(i));
          }
        },
        JdbcVmStore::row);
  }

  @Override
  public void updateState(String id, VmState state, long bootCount, Instant at) {
    jdbc.update(
        "UPDATE vms SET state=?, boot_count=?, updated_at=? WHERE id=?",
        ps -> {
          ps.setString(1, state.name());
          ps.setLong(2, bootCount);
          ps.setTimestamp(3, Jdbc.ts(at));
          ps.setString(4, id);
        });
  }

  @Override
  public boolean updateStateIf(
      String id, VmState expected, VmState state, long bootCount, Instant at) {
    return jdbc.update(
            "UPDATE vms SET state=?, boot_count=?, updated_at=? WHERE id=? AND state=?",
            ps -> {
              ps.setString(1, state.name());
              ps.setLong(2, bootCount);
              ps.setTimestamp(3, Jdbc.ts(at));
              ps.setString(4, id);
              ps.setString(5, expected.name());
            })
        > 0;
  }

  @Override
  public void moveTo(String id, String hostId, VmState state, Instant at) {
    jdbc.update(
        "UPDATE vms SET host_id=?, state=?, updated_at=? WHERE id=?",
        ps -> {
          ps.setString(1, hostId);
          ps.setString(2, state.name());
          ps.setTimestamp(3, Jdbc.ts(at));
          ps.setString(4, id);
        });
  }

  @Override
  public void updateBootCount(String id, long bootCount) {
    jdbc.update(
        "UPDATE vms SET boot_count=? WHERE id=?",
        ps -> {
          ps.setLong(1, bootCount);
          ps.setString(2, id);
        });
  }

  @Override
  public int setStateOfHost(String hostId, VmState state, Instant at) {
    return jdbc.update(
        "UPDATE vms SET state=?, updated_at=? WHERE host_id=? AND state<>?",
        ps -> {
          ps.setString(1, state.name());
          ps.setTimestamp(2, Jdbc.ts(at));
          ps.setString(3, hostId);
          ps.setString(4, state.name());
        });
  }

  @Override
  public void updateTags(String id, List<String> tags, Instant at) {
    jdbc.update(
        "UPDATE vms SET tags=?, updated_at=? WHERE id=?",
        ps -> {
          ps.setString(1, encodeTags(tags));
          ps.setTimestamp(2, Jdbc.ts(at));
          ps.setString(3, id);
        });
  }

  @Override
  public boolean delete(String id) {
    return jdbc.update("DELETE FROM vms WHERE id=?", ps -> ps.setString(1, id)) > 0;
  }

  @Override
  public Map<String, HostAllocation> allocations() {
    Map<String, HostAllocation> out = new HashMap<>();
    for (HostAllocation a :
        jdbc.query(
            "SELECT host_id, COUNT(*) AS n,"
                + " SUM(CASE WHEN state='RUNNING' THEN 1 ELSE 0 END) AS running,"
                + " SUM(CASE WHEN "
                + HOLDS
                + " THEN vcpus ELSE 0 END) AS vcpus,"
                + " SUM(CASE WHEN "
                + HOLDS
                + " THEN memory_mib ELSE 0 END) AS mem"
                + " FROM vms GROUP BY host_id",
            ps -> {},
            rs ->
                new HostAllocation(
                    rs.getString("host_id"),
                    rs.getInt("n"),
                    rs.getInt("running"),
                    rs.getInt("vcpus"),
                    rs.getLong("mem")))) {
      out.put(a.hostId(), a);
    }
    return out;
  }

  private static String encodeTags(List<String> tags) {
    return tags.isEmpty() ? "," : "," + String.join(",", tags) + ",";
  }

  private static List<String> decodeTags(String s) {
    return Arrays.stream(s.split(",")).filter(t -> !t.isEmpty()).toList();
  }

  private static VmRecord row(ResultSet rs) throws SQLException {
    VmSpec spec =
        new VmSpec(
            rs.getString("name"),
            rs.getInt("vcpus"),
            rs.getLong("memory_mib"),
            rs.getLong("disk_gib"),
            rs.getString("image"),
            WorkloadJson.read(rs.getString("workload")),
            Map.of());
    return new VmRecord(
        rs.getString("id"),
        spec,
        rs.getString("host_id"),
        VmState.valueOf(rs.getString("state")),
        rs.getString("template"),
        decodeTags(rs.getString("tags")),
        rs.getLong("boot_count"),
        Jdbc.instant(rs.getTimestamp("created_at")),
        Jdbc.instant(rs.getTimestamp("updated_at")));
  }
}
