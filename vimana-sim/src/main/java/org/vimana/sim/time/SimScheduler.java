package org.vimana.sim.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The simulated hypervisor's source of time: tells the time and runs tasks later. Tasks run one at
 * a time per scheduler for the virtual implementation; implementations document their threading.
 */
public interface SimScheduler {

  /** The current time on this scheduler's clock. */
  Instant now();

  /**
   * Runs {@code task} once, {@code delay} from now.
   *
   * @param delay not negative; zero runs the task as soon as the scheduler gets to it
   * @throws IllegalStateException if the scheduler is closed
   */
  ScheduledTask schedule(Runnable task, Duration delay);

  /** A {@link Clock} that reads this scheduler's time, for code that takes a clock. */
  default Clock clock() {
    return new SchedulerClock(this);
  }
}
