package org.vimana.sim.time;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wall-clock time: tasks run on one daemon thread after their real delay. Used by the product (the
 * sim driver a node opens). A task that throws is logged and does not stop later tasks.
 */
public final class RealTimeScheduler implements SimScheduler, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RealTimeScheduler.class.getName());
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Clock clock;
  private final ScheduledThreadPoolExecutor executor;

  /** A scheduler on the system UTC clock. */
  public RealTimeScheduler() {
    this(Clock.systemUTC());
  }

  public RealTimeScheduler(Clock clock) {
    this.clock = requireNonNull(clock);
    this.executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "vimana-sim-timer-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public ScheduledTask schedule(Runnable task, Duration delay) {
    requireNonNull(task);
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, got " + delay);
    }
    if (executor.isShutdown()) {
      throw new IllegalStateException("the real-time scheduler is closed");
    }
    ScheduledFuture<?> future =
        executor.schedule(() -> runLogged(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  private static void runLogged(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "sim timer task failed", e);
    }
  }

  /** Stops the timer thread; tasks not yet run are dropped. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
