package org.vimana.manager.api;

import java.util.ArrayList;
import java.util.List;
import org.vimana.api.model.BalanceMoveView;
import org.vimana.api.model.BalancePlanView;
import org.vimana.api.model.BalanceStatus;
import org.vimana.api.model.PlacementAdvice;
import org.vimana.api.model.PlacementCandidate;
import org.vimana.api.model.PlacementRejection;
import org.vimana.balancer.placement.Advice;
import org.vimana.balancer.placement.Candidate;
import org.vimana.manager.balance.BalanceSettings;
import org.vimana.manager.balance.BalanceState;
import org.vimana.manager.balance.MoveOutcome;
import org.vimana.manager.balance.MoveRecord;
import org.vimana.manager.balance.PlanRecord;

/** The API's views of the balancing daemon, its plans and placement advice. */
final class BalanceViews {
  private BalanceViews() {}

  static BalanceStatus status(BalanceState s) {
    BalanceSettings set = s.settings();
    return new BalanceStatus(
        set.mode().wireName(),
        set.strategy(),
        set.aggressiveness(),
        set.intervalSeconds(),
        set.spec(),
        s.lastRunAt(),
        s.nextRunAt(),
        s.lastPlan() == null ? null : plan(s.lastPlan()),
        s.pendingPlan() == null ? null : plan(s.pendingPlan()));
  }

  static BalancePlanView plan(PlanRecord p) {
    return new BalancePlanView(
        p.id(),
        p.createdAt(),
        p.trigger().wireName(),
        p.mode().wireName(),
        p.strategy(),
        p.status().wireName(),
        p.imbalance(),
        p.moves().stream().map(BalanceViews::move).toList(),
        p.notes(),
        (int) p.count(MoveOutcome.DONE),
        (int) p.count(MoveOutcome.SKIPPED),
        (int) p.count(MoveOutcome.FAILED),
        p.appliedAt(),
        p.endedAt(),
        p.message());
  }

  private static BalanceMoveView move(MoveRecord m) {
    return new BalanceMoveView(
        m.seq(),
        m.vmName(),
        m.vmId(),
        m.sourceHost(),
        m.targetHost(),
        m.reason(),
        m.detail(),
        m.expectedGain(),
        m.estimatedSeconds(),
        m.outcome().wireName(),
        m.outcomeMessage(),
        m.migrationId(),
        m.startedAt(),
        m.endedAt());
  }

  static PlacementAdvice placement(int vcpus, long memoryMib, Advice a) {
    List<PlacementCandidate> ranked = new ArrayList<>();
    for (Candidate c : a.ranked()) {
      ranked.add(
          new PlacementCandidate(
              c.hostId(),
              ranked.size() + 1,
              round(c.score(), 4),
              round(100 * c.cpuAfter(), 1),
              round(100 * c.memoryAfter(), 1),
              round(c.powerIncreaseWatts(), 1),
              c.reasons()));
    }
    List<PlacementRejection> rejected =
        a.rejected().entrySet().stream()
            .sorted(java.util.Map.Entry.comparingByKey())
            .map(e -> new PlacementRejection(e.getKey(), e.getValue()))
            .toList();
    return new PlacementAdvice(
        vcpus, memoryMib, a.best().map(Candidate::hostId).orElse(null), ranked, rejected);
  }

  private static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }
}
