package org.vimana.sim.time;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Simulated time: a queue of tasks ordered by due time (ties in the order they were scheduled).
 * Time stands still until {@link #advanceBy} or {@link #runUntil} moves it, running every task due
 * on the way at its due time, so a run is deterministic and as fast as the tasks themselves.
 *
 * <p>Scheduling and reading the time are thread-safe; advancing is meant for one driving thread.
 * Tasks run on that thread; a task that throws propagates out of the advancing call after time has
 * moved to its due time (the task is gone; later tasks stay queued).
 */
public final class VirtualTimeScheduler implements SimScheduler {
  /** Where a scheduler made with {@link #VirtualTimeScheduler()} starts. */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private Instant now;
  private long sequence;

  public VirtualTimeScheduler() {
    this(DEFAULT_START);
  }

  public VirtualTimeScheduler(Instant start) {
    this.now = requireNonNull(start);
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized ScheduledTask schedule(Runnable task, Duration delay) {
    requireNonNull(task);
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, got " + delay);
    }
    Entry e = new Entry(now.plus(delay), sequence++, task);
    queue.add(e);
    return e;
  }

  /** Moves time forward by {@code duration}, running the tasks that fall due. */
  public void advanceBy(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, got " + duration);
    }
    runUntil(now().plus(duration));
  }

  /**
   * Runs every task due at or before {@code until} (including tasks those tasks schedule), each at
   * its due time, then sets the time to {@code until}. Going backwards is refused.
   */
  public void runUntil(Instant until) {
    synchronized (this) {
      if (until.isBefore(now)) {
        throw new IllegalArgumentException("cannot go back in time from " + now + " to " + until);
      }
    }
    for (Entry next = pollDue(until); next != null; next = pollDue(until)) {
      next.task.run();
    }
    synchronized (this) {
      now = until;
    }
  }

  /** Runs the tasks due next (all those sharing the earliest due time); false if none is queued. */
  public boolean runNext() {
    Optional<Instant> next = nextDueAt();
    next.ifPresent(this::runUntil);
    return next.isPresent();
  }

  /** When the earliest queued task is due, or empty if none is queued. */
  public synchronized Optional<Instant> nextDueAt() {
    dropCancelledHead();
    return queue.isEmpty() ? Optional.empty() : Optional.of(queue.peek().due);
  }

  /** Number of tasks waiting to run. */
  public synchronized int pending() {
    int n = 0;
    for (Entry e : queue) {
      n += e.cancelled ? 0 : 1;
    }
    return n;
  }

  private synchronized Entry pollDue(Instant until) {
    dropCancelledHead();
    Entry head = queue.peek();
    if (head == null || head.due.isAfter(until)) {
      return null;
    }
    queue.poll();
    head.done = true;
    now = head.due;
    return head;
  }

  private void dropCancelledHead() {
    while (!queue.isEmpty() && queue.peek().cancelled) {
      queue.poll();
    }
  }

  private final class Entry implements ScheduledTask, Comparable<Entry> {
    final Instant due;
    final long seq;
    final Runnable task;
    boolean cancelled;
    boolean done;

    Entry(Instant due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public boolean cancel() {
      synchronized (VirtualTimeScheduler.this) {
        if (cancelled || done) {
          return false;
        }
        cancelled = true;
        return true;
      }
    }

    @Override
    public int compareTo(Entry o) {
      int c = due.compareTo(o.due);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
