package org.vimana.cli.client;

import static org.vimana.cli.format.Table.Field.left;
import static org.vimana.cli.format.Table.Field.right;

import java.util.List;
import java.util.Locale;
import org.vimana.api.model.BalanceMoveView;
import org.vimana.api.model.BalancePlanView;
import org.vimana.api.model.BalanceStatus;
import org.vimana.api.model.PlacementAdvice;
import org.vimana.api.model.PlacementCandidate;
import org.vimana.api.model.PlacementRejection;
import org.vimana.cli.format.Durations;
import org.vimana.cli.format.KeyValues;
import org.vimana.cli.format.Table;

/** How the balancing daemon, its plans and placement advice print. */
final class BalanceTables {
  private BalanceTables() {}

  static String status(BalanceStatus s) {
    KeyValues kv = new KeyValues();
    kv.add("Mode", s.mode());
    kv.add("Strategy", s.strategy() + " (runs " + s.planner() + ")");
    kv.add("Aggressiveness", Integer.toString(s.aggressiveness()));
    kv.add("Interval", Durations.formatSeconds((double) s.intervalSeconds()));
    kv.add("Last run", Views.time(s.lastRunAt()));
    kv.add("Next run", Views.time(s.nextRunAt()));
    kv.add("Last plan", s.lastPlan() == null ? null : headline(s.lastPlan()));
    kv.add("Pending plan", s.pendingPlan() == null ? null : headline(s.pendingPlan()));
    return kv.render();
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
      sb.append(
          Table.of(
              p.moves(),
              right("SEQ", BalanceMoveView::seq),
              left("VM", BalanceMoveView::vm),
              left("FROM", BalanceMoveView::source),
              left("TO", BalanceMoveView::target),
              left("REASON", BalanceMoveView::reason),
              right("GAIN", m -> String.format(Locale.ROOT, "%.4f", m.expectedGain())),
              right("EST_S", m -> String.format(Locale.ROOT, "%.1f", m.estimatedSeconds())),
              left("OUTCOME", BalanceMoveView::outcome),
              left("WHY", m -> m.outcomeMessage().isEmpty() ? m.detail() : m.outcomeMessage())));
    }
    for (String n : p.notes()) {
      sb.append("note: ").append(n).append('\n');
    }
    return sb.toString();
  }

  static String history(List<BalancePlanView> plans) {
    return Table.of(
        plans,
        left("ID", BalancePlanView::id),
        left("CREATED", p -> Views.time(p.createdAt())),
        left("TRIGGER", BalancePlanView::trigger),
        left("STRATEGY", BalancePlanView::strategy),
        left("STATUS", BalancePlanView::status),
        right("MOVES", p -> p.moves().size()),
        right("DONE", BalancePlanView::done),
        right("SKIPPED", BalancePlanView::skipped),
        right("FAILED", BalancePlanView::failed),
        right("IMBALANCE", p -> String.format(Locale.ROOT, "%.3f", p.imbalance())));
  }

  static String placement(PlacementAdvice a) {
    StringBuilder sb =
        new StringBuilder(
            Table.of(
                a.candidates(),
                right("RANK", PlacementCandidate::rank),
                left("HOST", PlacementCandidate::host),
                right("CPU_AFTER", c -> String.format(Locale.ROOT, "%.1f%%", c.cpuAfterPercent())),
                right(
                    "MEM_AFTER", c -> String.format(Locale.ROOT, "%.1f%%", c.memoryAfterPercent())),
                right("POWER_W", c -> String.format(Locale.ROOT, "+%.1f", c.powerIncreaseWatts())),
                left("WHY", c -> String.join("; ", c.reasons()))));
    if (!a.rejected().isEmpty()) {
      sb.append('\n')
          .append(
              Table.of(
                  a.rejected(),
                  left("REJECTED", PlacementRejection::host),
                  left("WHY", PlacementRejection::reason)));
    }
    return sb.toString();
  }
}
