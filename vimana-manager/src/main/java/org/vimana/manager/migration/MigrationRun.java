package org.vimana.manager.migration;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vimana.core.vm.MigrationState;
import org.vimana.core.vm.VmStatus;
import org.vimana.manager.inventory.AllocationLedger;
import org.vimana.manager.inventory.EventLog;
import org.vimana.manager.inventory.MovingVms;
import org.vimana.manager.node.NodeCommands;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.MigrationRecord;
import org.vimana.manager.store.MigrationStore;
import org.vimana.manager.store.VmRecord;
import org.vimana.manager.store.VmStore;
import org.vimana.rpc.CancelMigration;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.MigrateVm;
import org.vimana.rpc.MigrationResultMsg;
import org.vimana.rpc.PrepareIncoming;
import org.vimana.rpc.VmStatusMsg;
import org.vimana.rpc.mapping.WireMapper;

/**
 * One migration from start to end: asks the target to prepare, then the source to send, then
 * settles the inventory. The VM's recorded host changes only when the source says the VM runs on
 * the target; any other ending leaves it on the source, as the hosts will confirm.
 */
final class MigrationRun {
  private static final Logger log = LoggerFactory.getLogger(MigrationRun.class);

  /** Time on top of the migration's own limit for the source to report how it ended. */
  private static final Duration ANSWER_GRACE = Duration.ofSeconds(60);

  /** What every run needs from the manager. */
  record Deps(
      VmStore vms,
      MigrationStore store,
      NodeCommands nodes,
      AllocationLedger ledger,
      MovingVms moving,
      EventLog events,
      Clock clock,
      Consumer<MigrationRecord> onEnd) {}

  private final Deps deps;
  private final VmRecord vm;
  private final HostRecord source;
  private final HostRecord target;
  private final Duration timeout;
  private MigrationRecord m;
  private boolean cancelRequested;
  private boolean sending;

  MigrationRun(
      Deps deps,
      MigrationRecord m,
      VmRecord vm,
      HostRecord source,
      HostRecord target,
      Duration timeout) {
    this.deps = deps;
    this.m = m;
    this.vm = vm;
    this.source = source;
    this.target = target;
    this.timeout = timeout;
  }

  HostRecord source() {
    return source;
  }

  HostRecord target() {
    return target;
  }

  /** Sends the VM to the prepared target at {@code uri}; ends the run. */
  void send(String uri) {
    try {
      sendTo(uri);
    } catch (RuntimeException e) {
      log.warn("migration {} of VM {} failed unexpectedly", m.id(), vm.name(), e);
      end(MigrationState.FAILED, null, "failed unexpectedly: " + e);
    }
  }

  /** How the run ended, when it ended before sending. */
  synchronized MigrationRecord record() {
    return m;
  }

  /**
   * Readies the target, on the caller's thread so that a refusal reaches the operator at once;
   * returns the URI to send to, or null when the run has ended (see {@link #record}).
   */
  String prepare() {
    VmStatusMsg status =
        WireMapper.toWire(new VmStatus(vm.id(), vm.spec(), vm.state(), vm.bootCount()));
    CommandResult prepared;
    try {
      prepared =
          deps.nodes()
              .call(
                  target.id(),
                  target.name(),
                  Command.newBuilder()
                      .setPrepareIncoming(PrepareIncoming.newBuilder().setVm(status)));
    } catch (NodeCommands.Unreachable e) {
      end(MigrationState.FAILED, null, "target host could not prepare: " + e.getMessage());
      return null;
    }
    if (!prepared.getOk()) {
      end(
          MigrationState.FAILED,
          null,
          "target host '" + target.name() + "' refused to prepare: " + prepared.getMessage());
      return null;
    }
    synchronized (this) {
      if (cancelRequested) {
        end(MigrationState.CANCELLED, null, "cancelled before sending");
        return null;
      }
      sending = true;
      m = m.withState(MigrationState.RUNNING, "sending to " + prepared.getTargetUri());
    }
    deps.store().update(m);
    return prepared.getTargetUri();
  }

  private void sendTo(String uri) {
    Command.Builder migrate =
        Command.newBuilder()
            .setMigrate(
                MigrateVm.newBuilder()
                    .setVmId(vm.id())
                    .setTargetUri(uri)
                    .setMaxDowntimeMs(m.maxDowntimeMillis())
                    .setBandwidthMibPerS(m.bandwidthMibPerSecond())
                    .setMigrationId(m.id())
                    .setTimeoutMs(timeout.toMillis()));
    CommandResult sent;
    try {
      sent = deps.nodes().call(source.id(), source.name(), migrate, timeout.plus(ANSWER_GRACE));
    } catch (NodeCommands.Unreachable e) {
      // We cannot tell where the VM is; the hosts' next reports settle it (hello adopts movers).
      end(
          MigrationState.FAILED,
          null,
          "source host gave no answer ("
              + e.getMessage()
              + "); the hosts' reports will tell where"
              + " the VM runs");
      return;
    }
    if (sent.getOk()) {
      MigrationResultMsg r = sent.getMigration();
      deps.vms().moveTo(vm.id(), target.id(), vm.state(), deps.clock().instant());
      end(
          MigrationState.SUCCEEDED,
          r,
          "from "
              + source.name()
              + " to "
              + target.name()
              + " in "
              + r.getTotalMs()
              + " ms, downtime "
              + r.getDowntimeMs()
              + " ms, "
              + r.getTransferredMib()
              + " MiB sent");
      return;
    }
    boolean cancelled;
    synchronized (this) {
      cancelled = cancelRequested;
    }
    end(
        cancelled ? MigrationState.CANCELLED : MigrationState.FAILED,
        null,
        (cancelled ? "cancelled: " : "failed: ")
            + sent.getMessage()
            + "; the VM still runs on "
            + source.name());
  }

  /** Asks the run to stop: before sending it just ends; while sending, the source cancels. */
  void cancel() {
    boolean tellSource;
    synchronized (this) {
      cancelRequested = true;
      tellSource = sending;
    }
    if (tellSource) {
      try {
        CommandResult r =
            deps.nodes()
                .call(
                    source.id(),
                    source.name(),
                    Command.newBuilder()
                        .setCancelMigration(CancelMigration.newBuilder().setVmId(vm.id())));
        if (!r.getOk()) {
          log.info(
              "cancel of migration {} refused by {}: {}", m.id(), source.name(), r.getMessage());
        }
      } catch (NodeCommands.Unreachable e) {
        log.info(
            "cannot reach {} to cancel migration {}: {}", source.name(), m.id(), e.getMessage());
      }
    }
  }

  /** Ends a run that never started (the manager is closing). */
  void abandon(String why) {
    end(MigrationState.FAILED, null, why);
  }

  private void end(MigrationState state, MigrationResultMsg r, String message) {
    synchronized (this) {
      if (m.state().ended()) {
        return;
      }
      m =
          m.ended(
              state,
              deps.clock().instant(),
              r == null ? null : r.getTotalMs(),
              r == null ? null : r.getDowntimeMs(),
              r == null ? null : r.getTransferredMib(),
              message);
    }
    deps.store().update(m);
    deps.moving().end(vm.id());
    deps.ledger().settled(vm.id());
    String type =
        switch (state) {
          case SUCCEEDED -> "MIGRATION_SUCCEEDED";
          case CANCELLED -> "MIGRATION_CANCELLED";
          default -> "MIGRATION_FAILED";
        };
    HostRecord now = state == MigrationState.SUCCEEDED ? target : source;
    deps.events().vm(vm, now.id(), now.name(), type, vm.state(), message);
    deps.onEnd().accept(m);
  }
}
