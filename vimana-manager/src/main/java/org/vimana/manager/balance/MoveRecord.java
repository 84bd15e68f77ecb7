package org.vimana.manager.balance;

import java.time.Instant;
import java.util.Objects;

/**
 * One move of a recorded plan and what became of it. Hosts and the VM are named as the plan named
 * them; {@code vmId} tells a VM from a later one that took its name.
 *
 * @param seq position in the plan, from 1
 * @param reason the strategy's reason, lower case ({@code imbalance}, {@code overload}, ...)
 * @param detail the strategy's explanation with its figures
 * @param expectedGain the strategy's expected improvement, in its own unit
 * @param estimatedSeconds the cost model's estimate of the migration's duration
 * @param outcomeMessage why it was skipped or failed, or the migration's figures
 * @param migrationId the live migration that carried it out, once started
 */
public record MoveRecord(
    int seq,
    String vmId,
    String vmName,
    String sourceHost,
    String targetHost,
    String reason,
    String detail,
    double expectedGain,
    double estimatedSeconds,
    MoveOutcome outcome,
    String outcomeMessage,
    String migrationId,
    Instant startedAt,
    Instant endedAt) {

  public MoveRecord {
    Objects.requireNonNull(vmId, "vmId");
    Objects.requireNonNull(vmName, "vmName");
    Objects.requireNonNull(outcome, "outcome");
    outcomeMessage = outcomeMessage == null ? "" : outcomeMessage;
  }

  /** This move, started as migration {@code id} at {@code at}. */
  public MoveRecord running(String id, Instant at) {
    return new MoveRecord(
        seq,
        vmId,
        vmName,
        sourceHost,
        targetHost,
        reason,
        detail,
        expectedGain,
        estimatedSeconds,
        MoveOutcome.RUNNING,
        "migration " + id + " started",
        id,
        at,
        null);
  }

  /** This move, ended with {@code result} at {@code at}. */
  public MoveRecord ended(MoveOutcome result, String why, Instant at) {
    return new MoveRecord(
        seq,
        vmId,
        vmName,
        sourceHost,
        targetHost,
        reason,
        detail,
        expectedGain,
        estimatedSeconds,
        result,
        why,
        migrationId,
        startedAt,
        at);
  }
}
