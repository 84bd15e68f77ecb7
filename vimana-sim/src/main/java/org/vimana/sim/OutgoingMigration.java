package org.vimana.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.vimana.core.driver.MigrationProgress;
import org.vimana.core.driver.MigrationResult;
import org.vimana.sim.migration.MigrationEstimate;
import org.vimana.sim.time.ScheduledTask;

/** A live migration leaving a host: where to, what it costs, how it ends. Guarded by its lock. */
final class OutgoingMigration {
  final String vmId;
  final MigrationPeer target;
  final String targetUri;
  final MigrationEstimate estimate;
  final CompletableFuture<MigrationResult> result = new CompletableFuture<>();
  private ScheduledTask timer;
  private boolean switchingOver;

  final Instant startedAt;

  OutgoingMigration(
      String vmId,
      MigrationPeer target,
      String targetUri,
      MigrationEstimate estimate,
      Instant startedAt) {
    this.startedAt = requireNonNull(startedAt);
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

  /** Progress at {@code now}, assuming memory is sent at a steady rate over the estimate. */
  MigrationProgress progressAt(Instant now) {
    long elapsed = Math.max(0, Duration.between(startedAt, now).toMillis());
    long total = Math.round(estimate.transferredMib());
    long sent =
        estimate.totalMillis() <= 0
            ? total
            : Math.min(total, total * elapsed / estimate.totalMillis());
    return new MigrationProgress(elapsed, total, sent, total - sent);
  }

  MigrationResult toResult() {
    return new MigrationResult(
        estimate.totalMillis(), estimate.downtimeMillis(), Math.round(estimate.transferredMib()));
  }
}
