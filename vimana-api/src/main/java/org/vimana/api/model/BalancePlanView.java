package org.vimana.api.model;

import java.time.Instant;
import java.util.List;

/**
 * A balancing decision: the plan a strategy made, and what became of it.
 *
 * @param trigger {@code periodic} or {@code on_demand}
 * @param mode the daemon's mode when the plan was made
 * @param strategy the strategy with its parameters ({@code equalize:3})
 * @param status {@code empty} (nothing to do), {@code pending} (waits for approval), {@code
 *     advisory} (made while balancing is off), {@code superseded} (a newer plan replaced it),
 *     {@code applying}, {@code done}, {@code interrupted} (the manager stopped while applying)
 * @param imbalance the cluster's imbalance when the plan was made (standard deviation of the hosts'
 *     CPU load plus that of their memory load)
 * @param notes what the strategy wanted to do and could not, and actions the daemon does not take
 * @param done moves carried out
 * @param skipped moves dropped by the re-check just before they would have started
 * @param failed moves whose migration failed
 * @param message how the plan ended
 */
public record BalancePlanView(
    String id,
    Instant createdAt,
    String trigger,
    String mode,
    String strategy,
    String status,
    double imbalance,
    List<BalanceMoveView> moves,
    List<String> notes,
    int done,
    int skipped,
    int failed,
    Instant appliedAt,
    Instant endedAt,
    String message) {
  public BalancePlanView {
    moves = moves == null ? List.of() : List.copyOf(moves);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }
}
