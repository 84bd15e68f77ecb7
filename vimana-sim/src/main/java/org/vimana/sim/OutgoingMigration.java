package org.vimana.sim;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import org.vimana.core.driver.MigrationResult;
import org.vimana.sim.migration.MigrationEstimate;
import org.vimana.sim.time.ScheduledTask;

/** A live migration leaving a host: where to, what it costs, how it ends. Guarded by its lock. */
final class OutgoingMigration {
  final String vmId;
  final SimHypervisor target;
  final String targetUri;
  final MigrationEstimate estimate;
  final CompletableFuture<MigrationResult> result = new CompletableFuture<>();
  private ScheduledTask timer;
  private boolean switchingOver;

  OutgoingMigration(
      String vmId, SimHypervisor target, String targetUri, MigrationEstimate estimate) {
    this.vmId = requireNonNull(vmId);
    this.target = requireNonNull(target);
    this.targetUri = requireNonNull(targetUri);
    this.estimate = requireNonNull(estimate);
  }

  void timer(ScheduledTask t) {
    this.timer = t;
  }

  void stopTimer() {
    if (timer != null) {
      timer.cancel();
    }
  }

  /** Past the point of no return: the VM is being handed to the target. */
  boolean switchingOver() {
    return switchingOver;
  }

  void markSwitchingOver() {
    switchingOver = true;
  }

  MigrationResult toResult() {
    return new MigrationResult(
        estimate.totalMillis(), estimate.downtimeMillis(), Math.round(estimate.transferredMib()));
  }
}
