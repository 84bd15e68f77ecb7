package org.vimana.manager.balance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The daemon's settings and every decision it made. */
public interface BalanceStore {
  /** The settings an operator last saved, if any. */
  Optional<BalanceSettings> settings();

  void saveSettings(BalanceSettings settings, Instant at);

  /** Records a new plan with its moves, all at once. */
  void insert(PlanRecord plan);

  /** Records a plan's new status (its moves are updated one by one). */
  void updatePlan(PlanRecord plan);

  void updateMove(String planId, MoveRecord move);

  Optional<PlanRecord> find(String id);

  /** Newest first, with their moves. */
  List<PlanRecord> recent(int limit);

  /** Plans in {@code status}, newest first, with their moves. */
  List<PlanRecord> withStatus(PlanStatus status);
}
