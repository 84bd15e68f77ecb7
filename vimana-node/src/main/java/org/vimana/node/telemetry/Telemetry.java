package org.vimana.node.telemetry;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.rpc.Heartbeat;
import org.vimana.rpc.NodeMessage;
import org.vimana.rpc.mapping.WireMapper;

/**
 * Heartbeats and stats of one connection, at the intervals the manager's Welcome set. Stats are one
 * bulk {@link Hypervisor#stats()} call per interval, run on a worker so a slow driver never delays
 * the shared timer thread; a sample still running when the next is due makes that one skip, as does
 * a congested transport (stats are samples; the next one supersedes them).
 */
public final class Telemetry implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Telemetry.class);

  private final Hypervisor hypervisor;
  private final Outbox out;
  private final Clock clock;
  private final Executor workers;
  private final AtomicBoolean sampling = new AtomicBoolean();
  private final ScheduledFuture<?> heartbeats;
  private final ScheduledFuture<?> stats;

  private Telemetry(
      Hypervisor hypervisor,
      Outbox out,
      Clock clock,
      ScheduledExecutorService timers,
      Executor workers,
      Intervals intervals) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
    this.out = Objects.requireNonNull(out);
    this.clock = Objects.requireNonNull(clock);
    this.workers = Objects.requireNonNull(workers);
    long hb = intervals.heartbeat().toMillis();
    long st = intervals.stats().toMillis();
    this.heartbeats = timers.scheduleAtFixedRate(this::heartbeat, hb, hb, TimeUnit.MILLISECONDS);
    this.stats = timers.scheduleAtFixedRate(this::sample, 0, st, TimeUnit.MILLISECONDS);
  }

  /** Starts sending heartbeats and stats to {@code out}; {@link #close()} stops them. */
  public static Telemetry start(
      Hypervisor hypervisor,
      Outbox out,
      Clock clock,
      ScheduledExecutorService timers,
      Executor workers,
      Intervals intervals) {
    return new Telemetry(hypervisor, out, clock, timers, workers, intervals);
  }

  private void heartbeat() {
    out.send(
        NodeMessage.newBuilder()
            .setHeartbeat(Heartbeat.newBuilder().setSentAtMs(clock.millis()))
            .build());
  }

  private void sample() {
    if (out.congested() || !sampling.compareAndSet(false, true)) {
      log.debug("skipping a stats sample: the previous one is still under way or the link is full");
      return;
    }
    try {
      workers.execute(this::sendStats);
    } catch (RejectedExecutionException e) {
      sampling.set(false);
    }
  }

  private void sendStats() {
    try {
      out.send(NodeMessage.newBuilder().setStats(WireMapper.toWire(hypervisor.stats())).build());
    } catch (HypervisorException | RuntimeException e) {
      log.warn("stats sample of host {} failed: {}", hypervisor.host().name(), e.getMessage());
    } finally {
      sampling.set(false);
    }
  }

  @Override
  public void close() {
    heartbeats.cancel(false);
    stats.cancel(false);
  }
}
