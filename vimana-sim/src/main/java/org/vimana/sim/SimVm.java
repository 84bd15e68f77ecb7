package org.vimana.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import org.vimana.core.stats.VmStats;
import org.vimana.core.vm.VmState;
import org.vimana.sim.store.VmRecord;
import org.vimana.sim.time.ScheduledTask;

/**
 * One VM on a simulated host: its persisted {@link VmRecord} plus what lives only in memory (the
 * pending timed transition, an outgoing migration, I/O counters). Guarded by its host's lock.
 *
 * <p>I/O counters integrate the VM's activity (busy vCPUs plus a small idle share) over time with
 * the trapezoid rule, advanced on every sample and state change, so they grow with CPU use.
 */
final class SimVm {
  /** Activity of an idle but powered-on guest, in busy vCPUs (timers, heartbeats). */
  private static final double IDLE_ACTIVITY = 0.02;

  private VmRecord record;
  private final IoProfile io;
  private ScheduledTask timer;
  private long epoch;
  private OutgoingMigration migration;

  private Instant accountedAt;
  private double lastActivity;
  private double busySeconds;

  SimVm(VmRecord record, IoProfile io, Instant accountedAt) {
    this.record = requireNonNull(record);
    this.io = requireNonNull(io);
    this.accountedAt = requireNonNull(accountedAt);
    this.lastActivity = activity(accountedAt);
  }

  String id() {
    return record.id();
  }

  VmRecord record() {
    return record;
  }

  VmState state() {
    return record.state();
  }

  /** Replaces the record at {@code now}, accounting I/O up to now under the old state first. */
  void update(VmRecord newRecord, Instant now) {
    account(now);
    this.record = requireNonNull(newRecord);
    this.lastActivity = activity(now);
  }

  /** A fresh power-on: counters back to zero from {@code now}. */
  void resetCounters(Instant now) {
    busySeconds = 0;
    accountedAt = now;
    lastActivity = activity(now);
  }

  /**
   * The integrated activity (busy vCPU seconds) the I/O counters derive from, up to {@code now}.
   */
  double busySecondsAt(Instant now) {
    account(now);
    return busySeconds;
  }

  /** Carries the counters over from the same VM on its previous host, after a migration. */
  void restoreBusySeconds(double value) {
    this.busySeconds = value;
  }

  /** Cancels the pending timed transition, if any; returns the epoch a new timer must carry. */
  long newEpoch() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    return ++epoch;
  }

  void timer(ScheduledTask task) {
    this.timer = task;
  }

  boolean isEpoch(long e) {
    return epoch == e;
  }

  OutgoingMigration migration() {
    return migration;
  }

  void migration(OutgoingMigration m) {
    this.migration = m;
  }

  boolean isOn() {
    return record.state().consumesResources() && record.state() != VmState.PAUSED;
  }

  /** CPU demand at {@code now} as a fraction of the vCPUs; 0 unless the guest runs. */
  double cpuAt(Instant now) {
    return isOn() ? clamp(record.spec().workload().cpuAt(uptimeSeconds(now))) : 0;
  }

  long memoryUsedMibAt(Instant now) {
    double fraction = clamp(record.spec().workload().memoryAt(uptimeSeconds(now)));
    return Math.round(fraction * record.spec().memoryMib());
  }

  /** A sample at {@code now}, given the CPU fraction and memory already computed for it. */
  VmStats sample(Instant now, double cpu, long memoryUsedMib) {
    accountAt(now, activityOf(cpu));
    return new VmStats(
        record.id(),
        cpu * 100,
        memoryUsedMib,
        (long) (busySeconds * io.netRx()),
        (long) (busySeconds * io.netTx()),
        (long) (busySeconds * io.diskRead()),
        (long) (busySeconds * io.diskWrite()));
  }

  private double uptimeSeconds(Instant now) {
    Duration d = Duration.between(record.poweredOnAt(), now);
    return d.isNegative() ? 0 : d.getSeconds() + d.getNano() / 1e9;
  }

  private double activity(Instant now) {
    return activityOf(cpuAt(now));
  }

  private double activityOf(double cpu) {
    return isOn() ? IDLE_ACTIVITY + cpu * record.spec().vcpus() : 0;
  }

  private void account(Instant now) {
    accountAt(now, activity(now));
  }

  private void accountAt(Instant now, double activityNow) {
    Duration d = Duration.between(accountedAt, now);
    if (!d.isNegative()) {
      double dt = d.getSeconds() + d.getNano() / 1e9;
      busySeconds += (lastActivity + activityNow) / 2 * dt;
      accountedAt = now;
    }
    lastActivity = activityNow;
  }

  private static double clamp(double v) {
    return v > 1 ? 1 : (v > 0 ? v : 0);
  }
}
