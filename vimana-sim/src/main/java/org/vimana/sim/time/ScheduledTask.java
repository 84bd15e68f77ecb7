package org.vimana.sim.time;

/** A task handed to a {@link SimScheduler}, which can be cancelled until it has run. */
public interface ScheduledTask {

  /**
   * Stops the task from running if it has not run yet.
   *
   * @return true if this call prevented the task from running
   */
  boolean cancel();
}
