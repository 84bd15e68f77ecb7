package org.vimana.sim.time;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC {@link Clock} view of a {@link SimScheduler}'s time. */
final class SchedulerClock extends Clock {
  private final SimScheduler scheduler;
  private final ZoneId zone;

  SchedulerClock(SimScheduler scheduler) {
    this(scheduler, ZoneOffset.UTC);
  }

  private SchedulerClock(SimScheduler scheduler, ZoneId zone) {
    this.scheduler = requireNonNull(scheduler);
    this.zone = requireNonNull(zone);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new SchedulerClock(scheduler, newZone);
  }

  @Override
  public Instant instant() {
    return scheduler.now();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SchedulerClock c && c.scheduler == scheduler && c.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(scheduler) * 31 + zone.hashCode();
  }
}
