package org.vimana.manager.balance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A balancing decision as recorded: the plan, its moves and where it stands.
 *
 * @param strategy the strategy with its parameters ({@code equalize:3})
 * @param imbalance the cluster's imbalance when the plan was made
 * @param notes what the strategy could not do, and actions the daemon does not take
 * @param appliedAt when its application began, null until then
 * @param endedAt when its last move ended (or it was superseded), null until then
 * @param message how it ended, or why it is in its status
 */
public record PlanRecord(
    String id,
    Instant createdAt,
    Trigger trigger,
    BalanceMode mode,
    String strategy,
    PlanStatus status,
    double imbalance,
    List<String> notes,
    List<MoveRecord> moves,
    Instant appliedAt,
    Instant endedAt,
    String message) {

  public PlanRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(status, "status");
    notes = List.copyOf(notes);
    moves = List.copyOf(moves);
    message = message == null ? "" : message;
  }

  /** This plan in another status. */
  public PlanRecord with(PlanStatus next, Instant applied, Instant ended, String why) {
    return new PlanRecord(
        id, createdAt, trigger, mode, strategy, next, imbalance, notes, moves, applied, ended, why);
  }

  /** Moves that ended with {@code outcome}. */
  public long count(MoveOutcome outcome) {
    return moves.stream().filter(m -> m.outcome() == outcome).count();
  }
}
