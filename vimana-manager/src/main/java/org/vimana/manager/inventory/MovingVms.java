package org.vimana.manager.inventory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The VMs that are being live-migrated right now. While a VM moves, both hosts report it in passing
 * (paused here, arriving there); those reports go to its history but do not change its recorded
 * host or state, which the migration settles once it has ended.
 */
public final class MovingVms {
  /** A VM on its way from {@code sourceHostId} to {@code targetHostId}. */
  public record Move(String migrationId, String sourceHostId, String targetHostId) {}

  private final Map<String, Move> moves = new ConcurrentHashMap<>();

  /** Marks {@code vmId} as moving; returns false when it already is. */
  public boolean begin(String vmId, Move move) {
    return moves.putIfAbsent(vmId, move) == null;
  }

  public void end(String vmId) {
    moves.remove(vmId);
  }

  public Optional<Move> of(String vmId) {
    return Optional.ofNullable(moves.get(vmId));
  }
}
