package org.vimana.balancer.plan;

import java.util.List;
import java.util.Objects;

/**
 * A strategy's answer. Moves are meant to run in order, within the per-host concurrency limit;
 * power-on actions come before the moves, power-off actions after.
 *
 * @param strategy name and parameters of the strategy that made it
 * @param moves migrations, in order
 * @param powerActions hosts to switch on or off
 * @param notes what the strategy wanted to do and could not (a pinned VM on a host in maintenance,
 *     no host with room), for the operator
 */
public record Plan(
    String strategy, List<Move> moves, List<HostPowerAction> powerActions, List<String> notes) {

  public Plan {
    Objects.requireNonNull(strategy, "strategy");
    moves = List.copyOf(moves);
    powerActions = List.copyOf(powerActions);
    notes = List.copyOf(notes);
  }

  /** A plan that changes nothing. */
  public static Plan empty(String strategy) {
    return new Plan(strategy, List.of(), List.of(), List.of());
  }

  public boolean isEmpty() {
    return moves.isEmpty() && powerActions.isEmpty();
  }
}
