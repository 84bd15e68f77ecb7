package org.vimana.node.command;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.driver.MigrationOptions;
import org.vimana.core.driver.MigrationProgress;
import org.vimana.core.driver.MigrationResult;
import org.vimana.core.driver.Migrator;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.MigrateVm;
import org.vimana.rpc.MigrationProgressMsg;
import org.vimana.rpc.MigrationResultMsg;
import org.vimana.rpc.NodeMessage;

/**
 * Source side of a migration: starts it, reports progress to the manager every {@link
 * #PROGRESS_EVERY_MS} while it runs, and answers when it has ended. A migration that outlives the
 * command's timeout is cancelled here, so the VM stays on this host rather than in limbo.
 */
final class MigrateHandler implements CommandHandler {
  static final long PROGRESS_EVERY_MS = 500;

  /** How long a cancelled migration may take to wind down before we give up waiting. */
  private static final long CANCEL_GRACE_MS = 30_000;

  private final Hypervisor hypervisor;
  private final Consumer<NodeMessage> progress;

  MigrateHandler(Hypervisor hypervisor, Consumer<NodeMessage> progress) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
    this.progress = Objects.requireNonNull(progress);
  }

  @Override
  public void handle(Command command, CommandResult.Builder result) throws HypervisorException {
    MigrateVm m = command.getMigrate();
    String id = MigrationHandlers.requireVmId(m.getVmId(), "migrate");
    if (m.getTargetUri().isEmpty()) {
      throw new IllegalArgumentException("migrate: target_uri is required");
    }
    if (m.getTimeoutMs() <= 0) {
      throw new IllegalArgumentException("migrate: timeout_ms must be positive");
    }
    MigrationOptions options = new MigrationOptions(m.getMaxDowntimeMs(), m.getBandwidthMibPerS());
    Migrator migrator = MigrationHandlers.migrator(hypervisor);
    CompletableFuture<MigrationResult> run =
        migrator.migrate(id, m.getTargetUri(), options).toCompletableFuture();
    MigrationResult done = await(run, migrator, m);
    result.setMigration(
        MigrationResultMsg.newBuilder()
            .setTotalMs(done.totalMillis())
            .setDowntimeMs(done.downtimeMillis())
            .setTransferredMib(done.transferredMib()));
  }

  private MigrationResult await(
      CompletableFuture<MigrationResult> run, Migrator migrator, MigrateVm m)
      throws HypervisorException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(m.getTimeoutMs());
    try {
      while (true) {
        try {
          return run.get(PROGRESS_EVERY_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          if (System.nanoTime() - deadline > 0) {
            return cancelLate(run, migrator, m);
          }
          report(migrator, m);
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HypervisorException he) {
        throw he;
      }
      if (e.getCause() != null && e.getCause().getCause() instanceof HypervisorException he) {
        throw he;
      }
      throw new HypervisorException(Reason.FAILED, "migration failed: " + e.getCause());
    } catch (CancellationException e) {
      throw new HypervisorException(
          Reason.FAILED, "the migration was cancelled: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      migrator.cancel(m.getVmId());
      throw new HypervisorException(
          Reason.FAILED, "the node is shutting down; migration cancelled");
    }
  }

  private void report(Migrator migrator, MigrateVm m) {
    Optional<MigrationProgress> p;
    try {
      p = migrator.progress(m.getVmId());
    } catch (HypervisorException e) {
      return; // progress is best effort; the result still comes
    }
    p.ifPresent(
        at ->
            progress.accept(
                NodeMessage.newBuilder()
                    .setMigrationProgress(
                        MigrationProgressMsg.newBuilder()
                            .setMigrationId(m.getMigrationId())
                            .setVmId(m.getVmId())
                            .setElapsedMs(at.elapsedMillis())
                            .setTotalMib(at.totalMib())
                            .setProcessedMib(at.processedMib())
                            .setRemainingMib(at.remainingMib()))
                    .build()));
  }

  /**
   * Cancels a migration that overran its time. It may have switched over meanwhile: then its result
   * stands, because the VM now runs on the target and saying otherwise would mislead.
   */
  private static MigrationResult cancelLate(
      CompletableFuture<MigrationResult> run, Migrator migrator, MigrateVm m)
      throws HypervisorException, InterruptedException, ExecutionException {
    HypervisorException refused = null;
    try {
      migrator.cancel(m.getVmId());
    } catch (HypervisorException e) {
      refused = e;
    }
    try {
      MigrationResult finished = run.get(CANCEL_GRACE_MS, TimeUnit.MILLISECONDS);
      return finished;
    } catch (ExecutionException | TimeoutException | CancellationException e) {
      throw new HypervisorException(
          Reason.FAILED,
          "the migration did not finish within "
              + m.getTimeoutMs()
              + " ms and was cancelled"
              + (refused == null ? "" : " (" + refused.getMessage() + ")"));
    }
  }
}
