package org.vimana.api.model;

import java.time.Instant;

/**
 * One move of a balancing plan and what became of it.
 *
 * @param seq position in the plan, from 1
 * @param vm the VM's name
 * @param source host it ran on when the plan was made
 * @param target host it was to go to
 * @param reason why the strategy moves it: {@code overload}, {@code underload}, {@code imbalance},
 *     {@code maintenance} or {@code constraint}
 * @param detail the strategy's explanation with its figures
 * @param expectedGain the improvement the strategy expects, in its own unit (see {@code detail})
 * @param estimatedSeconds the cost model's estimate of the migration's duration
 * @param outcome {@code planned}, {@code running}, {@code done}, {@code skipped} or {@code failed}
 * @param outcomeMessage why it was skipped or failed, or the migration's figures
 * @param migrationId the live migration that carried it out, once started
 */
public record BalanceMoveView(
    int seq,
    String vm,
    String vmId,
    String source,
    String target,
    String reason,
    String detail,
    double expectedGain,
    double estimatedSeconds,
    String outcome,
    String outcomeMessage,
    String migrationId,
    Instant startedAt,
    Instant endedAt) {}
