package org.vimana.manager.balance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.vimana.balancer.plan.HostPowerAction;
import org.vimana.balancer.plan.Move;
import org.vimana.balancer.plan.Plan;
import org.vimana.balancer.strategy.Strategy;

/**
 * Runs the configured strategy on the cluster as it is now and turns its plan into a record. The
 * snapshot carries no per-host migration limit: the plan says where VMs should go, and the executor
 * keeps to the limit as it carries the moves out one after the other.
 */
public final class Planner {
  private final SnapshotBuilder snapshots;
  private final Clock clock;

  public Planner(SnapshotBuilder snapshots, Clock clock) {
    this.snapshots = snapshots;
    this.clock = clock;
  }

  /**
   * A new plan, not yet stored.
   *
   * @param ifMoves its status when it has moves; without any it is {@link PlanStatus#EMPTY}
   */
  public PlanRecord plan(
      BalanceSettings settings, Trigger trigger, BalanceMode mode, PlanStatus ifMoves) {
    LiveCluster cluster = snapshots.build(settings.intervalSeconds(), 0);
    Strategy strategy = settings.newStrategy();
    Plan plan = strategy.plan(cluster.snapshot());
    List<MoveRecord> moves = new ArrayList<>();
    for (Move m : plan.moves()) {
      moves.add(
          new MoveRecord(
              moves.size() + 1,
              cluster.vmId(m.vmId()).orElse(m.vmId()),
              m.vmId(),
              m.sourceHostId(),
              m.targetHostId(),
              m.reason().name().toLowerCase(Locale.ROOT),
              m.detail(),
              m.expectedGain(),
              m.cost().seconds(),
              MoveOutcome.PLANNED,
              "",
              null,
              null,
              null));
    }
    List<String> notes = new ArrayList<>(plan.notes());
    for (HostPowerAction a : plan.powerActions()) {
      notes.add(
          "not carried out (the daemon does not switch hosts on or off): switch "
              + a.hostId()
              + (a.powerOn() ? " on: " : " off: ")
              + a.reason());
    }
    double imbalance = cluster.imbalance();
    boolean empty = moves.isEmpty();
    String message =
        empty
            ? String.format(Locale.ROOT, "nothing to do at imbalance %.3f", imbalance)
            : String.format(Locale.ROOT, "%d moves at imbalance %.3f", moves.size(), imbalance);
    return new PlanRecord(
        UUID.randomUUID().toString(),
        clock.instant(),
        trigger,
        mode,
        strategy.name(),
        empty ? PlanStatus.EMPTY : ifMoves,
        imbalance,
        notes,
        moves,
        null,
        empty ? clock.instant() : null,
        message);
  }
}
