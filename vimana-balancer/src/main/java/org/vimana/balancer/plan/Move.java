package org.vimana.balancer.plan;

import java.util.Objects;
import org.vimana.balancer.cost.MigrationCost;

/**
 * One live migration of a plan.
 *
 * @param vmId the VM to move
 * @param sourceHostId where it runs when the plan is made (re-checked before the move)
 * @param targetHostId where it goes
 * @param reason why
 * @param detail a human-readable explanation with figures
 * @param expectedGain the improvement the strategy expects, in its own unit (see {@code detail})
 * @param cost estimated duration and downtime
 */
public record Move(
    String vmId,
    String sourceHostId,
    String targetHostId,
    Reason reason,
    String detail,
    double expectedGain,
    MigrationCost cost) {

  public Move {
    Objects.requireNonNull(vmId, "vmId");
    Objects.requireNonNull(sourceHostId, "sourceHostId");
    Objects.requireNonNull(targetHostId, "targetHostId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(cost, "cost");
    if (sourceHostId.equals(targetHostId)) {
      throw new IllegalArgumentException(
          "vm " + vmId + ": source and target are both " + sourceHostId);
    }
  }
}
