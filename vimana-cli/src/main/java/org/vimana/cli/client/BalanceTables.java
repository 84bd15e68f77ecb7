package org.vimana.cli.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vimana.api.model.BalanceMoveView;
import org.vimana.api.model.BalancePlanView;
import org.vimana.api.model.BalanceStatus;
import org.vimana.api.model.PlacementAdvice;
import org.vimana.api.model.PlacementCandidate;
import org.vimana.api.model.PlacementRejection;
import org.vimana.cli.format.Durations;
import org.vimana.cli.format.Table;
import org.vimana.cli.format.Table.Column;

/** How the balancing daemon, its plans and placement advice print. */
final class BalanceTables {
  private BalanceTables() {}

  static String status(BalanceStatus s) {
    List<String[]> kv = new ArrayList<>();
    kv.add(new String[] {"Mode", s.mode()});
    kv.add(new String[] {"Strategy", s.strategy() + " (runs " + s.planner() + ")"});
    kv.add(new String[] {"Aggressiveness", Integer.toString(s.aggressiveness())});
    kv.add(new String[] {"Interval", Durations.formatSeconds((double) s.intervalSeconds())});
    kv.add(new String[] {"Last run", Views.time(s.lastRunAt())});
    kv.add(new String[] {"Next run", Views.time(s.nextRunAt())});
    kv.add(new String[] {"Last plan", s.lastPlan() == null ? null : headline(s.lastPlan())});
    kv.add(
        new String[] {"Pending plan", s.pendingPlan() == null ? null : headline(s.pendingPlan())});
    return Table.keyValues(kv);
  }

  /** {@code ID STATUS (strategy, trigger): message}. */
  static String headline(BalancePlanView p) {
    return p.id()
        + " "
        + p.status()
        + " ("
        + p.strategy()
        + ", "
        + p.trigger()
        + "): "
        + p.message();
  }

  /** A plan with its moves and notes. */
  static String plan(BalancePlanView p) {
    StringBuilder sb = new StringBuilder("plan ").append(headline(p)).append('\n');
    if (!p.moves().isEmpty()) {
      Table t =
          new Table(
              Column.right("SEQ"),
              Column.left("VM"),
              Column.left("FROM"),
              Column.left("TO"),
              Column.left("REASON"),
              Column.right("GAIN"),
              Column.right("EST_S"),
              Column.left("OUTCOME"),
              Column.left("WHY"));
      for (BalanceMoveView m : p.moves()) {
        t.row(
            m.seq(),
            m.vm(),
            m.source(),
            m.target(),
            m.reason(),
            String.format(Locale.ROOT, "%.4f", m.expectedGain()),
            String.format(Locale.ROOT, "%.1f", m.estimatedSeconds()),
            m.outcome(),
            m.outcomeMessage().isEmpty() ? m.detail() : m.outcomeMessage());
      }
      sb.append(t.render());
    }
    for (String n : p.notes()) {
      sb.append("note: ").append(n).append('\n');
    }
    return sb.toString();
  }

  static String history(List<BalancePlanView> plans) {
    Table t =
        new Table(
            Column.left("ID"),
            Column.left("CREATED"),
            Column.left("TRIGGER"),
            Column.left("STRATEGY"),
            Column.left("STATUS"),
            Column.right("MOVES"),
            Column.right("DONE"),
            Column.right("SKIPPED"),
            Column.right("FAILED"),
            Column.right("IMBALANCE"));
    for (BalancePlanView p : plans) {
      t.row(
          p.id(),
          Views.time(p.createdAt()),
          p.trigger(),
          p.strategy(),
          p.status(),
          p.moves().size(),
          p.done(),
          p.skipped(),
          p.failed(),
          String.format(Locale.ROOT, "%.3f", p.imbalance()));
    }
    return t.render();
  }

  static String placement(PlacementAdvice a) {
    Table t =
        new Table(
            Column.right("RANK"),
            Column.left("HOST"),
            Column.right("CPU_AFTER"),
            Column.right("MEM_AFTER"),
            Column.right("POWER_W"),
            Column.left("WHY"));
    for (PlacementCandidate c : a.candidates()) {
      t.row(
          c.rank(),
          c.host(),
          String.format(Locale.ROOT, "%.1f%%", c.cpuAfterPercent()),
          String.format(Locale.ROOT, "%.1f%%", c.memoryAfterPercent()),
          String.format(Locale.ROOT, "+%.1f", c.powerIncreaseWatts()),
          String.join("; ", c.reasons()));
    }
    StringBuilder sb = new StringBuilder(t.render());
    if (!a.rejected().isEmpty()) {
      Table r = new Table(Column.left("REJECTED"), Column.left("WHY"));
      for (PlacementRejection x : a.rejected()) {
        r.row(x.host(), x.reason());
      }
      sb.append('\n').append(r.render());
    }
    return sb.toString();
  }
}
