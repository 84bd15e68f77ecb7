package org.vimana.manager.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.vimana.manager.balance.BalanceMode;
import org.vimana.manager.balance.BalanceSettings;
import org.vimana.manager.balance.BalanceStore;
import org.vimana.manager.balance.MoveOutcome;
import org.vimana.manager.balance.MoveRecord;
import org.vimana.manager.balance.PlanRecord;
import org.vimana.manager.balance.PlanStatus;
import org.vimana.manager.balance.Trigger;
import org.vimana.manager.store.StoreException;

/** The balancing daemon's settings and decisions in tables {@code balance_*}. */
public final class JdbcBalanceStore implements BalanceStore {
  private static final String PLAN_COLUMNS =
      "created_at, trigger_kind, balance_mode, strategy, status, imbalance, notes, applied_at,"
          + " ended_at, message, id";
  private static final String MOVE_COLUMNS =
      "vm_id, vm_name, source_host, target_host, reason, detail, expected_gain, estimated_s,"
          + " outcome, outcome_message, migration_id, started_at, ended_at, plan_id, seq";
  private static final int TEXT_MAX = 4000;
  private static final int NOTES_MAX = 8000;

  private final DataSource ds;
  private final Jdbc jdbc;

  public JdbcBalanceStore(DataSource ds) {
    this.ds = ds;
    this.jdbc = new Jdbc(ds);
  }

  @Override
  public Optional<BalanceSettings> settings() {
    return jdbc.one(
        "SELECT balance_mode, strategy, aggressiveness, interval_s FROM balance_settings"
            + " WHERE id=1",
        ps -> {},
        rs ->
            new BalanceSettings(
                BalanceMode.valueOf(rs.getString(1)),
                rs.getString(2),
                rs.getInt(3),
                rs.getLong(4)));
  }

  @Override
  public void saveSettings(BalanceSettings s, Instant at) {
    Jdbc.Binder bind =
        ps -> {
          ps.setString(1, s.mode().name());
          ps.setString(2, s.strategy());
          ps.setInt(3, s.aggressiveness());
          ps.setLong(4, s.intervalSeconds());
          ps.setTimestamp(5, Jdbc.ts(at));
        };
    int n =
        jdbc.update(
            "UPDATE balance_settings SET balance_mode=?, strategy=?, aggressiveness=?,"
                + " interval_s=?, updated_at=? WHERE id=1",
            bind);
    if (n == 0) {
      jdbc.update(
          "INSERT INTO balance_settings (balance_mode, strategy, aggressiveness, interval_s,"
              + " updated_at, id) VALUES (?,?,?,?,?,1)",
          bind);
    }
  }

  @Override
  public void insert(PlanRecord p) {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement plan =
              c.prepareStatement(
                  "INSERT INTO balance_plans ("
                      + PLAN_COLUMNS
                      + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)");
          PreparedStatement move =
              c.prepareStatement(
                  "INSERT INTO balance_moves ("
                      + MOVE_COLUMNS
                      + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        bindPlan(plan, p);
        plan.executeUpdate();
        for (MoveRecord m : p.moves()) {
          bindMove(move, p.id(), m);
          move.addBatch();
        }
        if (!p.moves().isEmpty()) {
          move.executeBatch();
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot record balance plan " + p.id() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void updatePlan(PlanRecord p) {
    jdbc.update(
        "UPDATE balance_plans SET created_at=?, trigger_kind=?, balance_mode=?, strategy=?,"
            + " status=?, imbalance=?, notes=?, applied_at=?, ended_at=?, message=? WHERE id=?",
        ps -> bindPlan(ps, p));
  }

  @Override
  public void updateMove(String planId, MoveRecord m) {
    jdbc.update(
        "UPDATE balance_moves SET vm_id=?, vm_name=?, source_host=?, target_host=?, reason=?,"
            + " detail=?, expected_gain=?, estimated_s=?, outcome=?, outcome_message=?,"
            + " migration_id=?, started_at=?, ended_at=? WHERE plan_id=? AND seq=?",
        ps -> bindMove(ps, planId, m));
  }

  @Override
  public Optional<PlanRecord> find(String id) {
    List<PlanRecord> one = plans(" WHERE id=?", ps -> ps.setString(1, id));
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  @Override
  public List<PlanRecord> recent(int limit) {
    return plans(" ORDER BY created_at DESC LIMIT ?", ps -> ps.setInt(1, limit));
  }

  @Override
  public List<PlanRecord> withStatus(PlanStatus status) {
    return plans(" WHERE status=? ORDER BY created_at DESC", ps -> ps.setString(1, status.name()));
  }

  /** Plans matching {@code where}, with their moves: two queries, whatever the count. */
  private List<PlanRecord> plans(String where, Jdbc.Binder binder) {
    Map<String, PlanRecord> plans = new LinkedHashMap<>();
    for (PlanRecord p :
        jdbc.query(
            "SELECT " + PLAN_COLUMNS + " FROM balance_plans" + where,
            binder,
            JdbcBalanceStore::planRow)) {
      plans.put(p.id(), p);
    }
    if (plans.isEmpty()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>(plans.keySet());
    Map<String, List<MoveRecord>> moves = new LinkedHashMap<>();
    List<Map.Entry<String, MoveRecord>> rows =
        jdbc.query(
            "SELECT "
                + MOVE_COLUMNS
                + " FROM balance_moves WHERE plan_id IN ("
                + String.join(",", Collections.nCopies(ids.size(), "?"))
                + ") ORDER BY plan_id, seq",
            ps -> {
              for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
              }
            },
            rs -> Map.entry(rs.getString("plan_id"), moveRow(rs)));
    for (Map.Entry<String, MoveRecord> r : rows) {
      moves.computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(r.getValue());
    }
    List<PlanRecord> out = new ArrayList<>();
    for (PlanRecord p : plans.values()) {
      out.add(
          new PlanRecord(
              p.id(),
              p.createdAt(),
              p.trigger(),
              p.mode(),
              p.strategy(),
              p.status(),
              p.imbalance(),
              p.notes(),
              moves.getOrDefault(p.id(), List.of()),
              p.appliedAt(),
              p.endedAt(),
              p.message()));
    }
    return out;
  }

  private static void bindPlan(PreparedStatement ps, PlanRecord p) throws SQLException {
    ps.setTimestamp(1, Jdbc.ts(p.createdAt()));
    ps.setString(2, p.trigger().name());
    ps.setString(3, p.mode().name());
    ps.setString(4, p.strategy());
    ps.setString(5, p.status().name());
    ps.setDouble(6, p.imbalance());
    ps.setString(7, cut(String.join("\n", p.notes()), NOTES_MAX));
    ps.setTimestamp(8, Jdbc.ts(p.appliedAt()));
    ps.setTimestamp(9, Jdbc.ts(p.endedAt()));
    ps.setString(10, cut(p.message(), TEXT_MAX));
    ps.setString(11, p.id());
  }

  private static void bindMove(PreparedStatement ps, String planId, MoveRecord m)
      throws SQLException {
    ps.setString(1, m.vmId());
    ps.setString(2, m.vmName());
    ps.setString(3, m.sourceHost());
    ps.setString(4, m.targetHost());
    ps.setString(5, m.reason());
    ps.setString(6, cut(m.detail(), TEXT_MAX));
    ps.setDouble(7, m.expectedGain());
    ps.setDouble(8, m.estimatedSeconds());
    ps.setString(9, m.outcome().name());
    ps.setString(10, cut(m.outcomeMessage(), TEXT_MAX));
    ps.setString(11, m.migrationId());
    ps.setTimestamp(12, Jdbc.ts(m.startedAt()));
    ps.setTimestamp(13, Jdbc.ts(m.endedAt()));
    ps.setString(14, planId);
    ps.setInt(15, m.seq());
  }

  private static PlanRecord planRow(ResultSet rs) throws SQLException {
    String notes = rs.getString("notes");
    return new PlanRecord(
        rs.getString("id"),
        Jdbc.instant(rs.getTimestamp("created_at")),
        Trigger.valueOf(rs.getString("trigger_kind")),
        BalanceMode.valueOf(rs.getString("balance_mode")),
        rs.getString("strategy"),
        PlanStatus.valueOf(rs.getString("status")),
        rs.getDouble("imbalance"),
        notes.isEmpty() ? List.of() : List.of(notes.split("\n")),
        List.of(),
        Jdbc.instant(rs.getTimestamp("applied_at")),
        Jdbc.instant(rs.getTimestamp("ended_at")),
        rs.getString("message"));
  }

  private static MoveRecord moveRow(ResultSet rs) throws SQLException {
    return new MoveRecord(
        rs.getInt("seq"),
        rs.getString("vm_id"),
        rs.getString("vm_name"),
        rs.getString("source_host"),
        rs.getString("target_host"),
        rs.getString("reason"),
        rs.getString("detail"),
        rs.getDouble("expected_gain"),
        rs.getDouble("estimated_s"),
        MoveOutcome.valueOf(rs.getString("outcome")),
        rs.getString("outcome_message"),
        rs.getString("migration_id"),
        Jdbc.instant(rs.getTimestamp("started_at")),
        Jdbc.instant(rs.getTimestamp("ended_at")));
  }

  private static String cut(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() > max ? v.substring(0, max) : v;
  }
}
