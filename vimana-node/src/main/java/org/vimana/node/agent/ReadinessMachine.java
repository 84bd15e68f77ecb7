package org.vimana.node.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The readiness of one VM's agent as a transition table, with the time from the VM's start to the
 * agent's first answer. Not thread-safe: its session serialises the calls.
 *
 * <pre>
 *                 BOOTED    ANSWERED  SILENT        STOPPED
 *   NO_CHANNEL    WAITING   -         -             -
 *   WAITING       WAITING   READY     WAITING       NO_CHANNEL
 *   READY         WAITING   READY     UNRESPONSIVE  NO_CHANNEL
 *   UNRESPONSIVE  WAITING   READY     UNRESPONSIVE  NO_CHANNEL
 * </pre>
 *
 * ("-": ignored, the state stays.) BOOTED — the VM started, rebooted or arrived by migration with a
 * channel — restarts the boot clock; the first ANSWERED after it fixes {@link #readyAfter()}.
 */
public final class ReadinessMachine {
  /** What the session observed. */
  public enum Signal {
    /** The VM (re)started or arrived here, and has a channel: expect a fresh agent. */
    BOOTED,
    /** The agent answered a sync, a call, or pushed a status. */
    ANSWERED,
    /** The agent did not answer, or the connection dropped. */
    SILENT,
    /** The VM stopped or left this host; the session ends. */
    STOPPED
  }

  private static final Map<Readiness, Map<Signal, Readiness>> TABLE = table();

  private final Clock clock;
  private Readiness state = Readiness.NO_CHANNEL;
  private Instant bootedAt;
  private Duration readyAfter;
  private Instant since;

  public ReadinessMachine(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    this.since = clock.instant();
  }

  private static Map<Readiness, Map<Signal, Readiness>> table() {
    Readiness no = Readiness.NO_CHANNEL;
    Readiness waiting = Readiness.WAITING;
    Readiness ready = Readiness.READY;
    Readiness unresponsive = Readiness.UNRESPONSIVE;
    Map<Readiness, Map<Signal, Readiness>> t = new EnumMap<>(Readiness.class);
    t.put(no, row(waiting, null, null, null));
    t.put(waiting, row(waiting, ready, waiting, no));
    t.put(ready, row(waiting, ready, unresponsive, no));
    t.put(unresponsive, row(waiting, ready, unresponsive, no));
    return t;
  }

  /** One row of the table; null: the signal is ignored in that state. */
  private static Map<Signal, Readiness> row(
      Readiness booted, Readiness answered, Readiness silent, Readiness stopped) {
    Map<Signal, Readiness> r = new EnumMap<>(Signal.class);
    put(r, Signal.BOOTED, booted);
    put(r, Signal.ANSWERED, answered);
    put(r, Signal.SILENT, silent);
    put(r, Signal.STOPPED, stopped);
    return r;
  }

  private static void put(Map<Signal, Readiness> r, Signal s, Readiness to) {
    if (to != null) {
      r.put(s, to);
    }
  }

  /** The state {@code signal} leads to from {@code from} ({@code from} when it is ignored). */
  public static Readiness next(Readiness from, Signal signal) {
    return TABLE.get(from).getOrDefault(signal, from);
  }

  /**
   * Applies a signal.
   *
   * @return whether the state changed (BOOTED always counts: the boot clock restarts)
   */
  public boolean apply(Signal signal) {
    Readiness to = next(state, signal);
    Instant now = clock.instant();
    boolean changed = to != state || signal == Signal.BOOTED;
    if (signal == Signal.BOOTED) {
      bootedAt = now;
      readyAfter = null;
    }
    if (to == Readiness.READY && readyAfter == null && bootedAt != null) {
      readyAfter = Duration.between(bootedAt, now);
    }
    if (to == Readiness.NO_CHANNEL) {
      bootedAt = null;
      readyAfter = null;
    }
    if (to != state) {
      since = now;
    }
    state = to;
    return changed;
  }

  public Readiness state() {
    return state;
  }

  /** From the last start to the agent's first answer after it; empty until it answered. */
  public Optional<Duration> readyAfter() {
    return Optional.ofNullable(readyAfter);
  }

  /** When the current state began. */
  public Instant since() {
    return since;
  }
}
