package org.vimana.driver.libvirt.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps one connection of type {@code C} open: {@link #check} finds out whether it still lives and,
 * once it is lost, opens a new one, retrying with capped exponential backoff. Listeners hear of
 * each loss and of each new connection, so they can register again what lived on the old one (event
 * callbacks). Pure logic over an {@link Endpoint} and a {@link Clock}: one thread (the watcher)
 * calls {@link #check}; any thread may read {@link #current} or {@link #suspect} a connection.
 *
 * @param <C> the connection type
 */
public final class Reconnector<C> {
  private static final System.Logger LOG = System.getLogger(Reconnector.class.getName());

  /** How to open, probe and close a connection. */
  public interface Endpoint<C> {
    /** Opens a new connection; throws with the reason when it cannot. */
    C open() throws Exception;

    /** Whether {@code c} still works, judged without blocking for long (no round trip needed). */
    boolean alive(C c);

    /** Releases a connection that is lost or no longer wanted; must not throw. */
    void close(C c);
  }

  /** Hears of losses and reconnections, on the watcher's thread. */
  public interface Listener<C> {
    /** The connection was lost ({@code why} says how it was noticed); it is closed after this. */
    default void lost(String why) {}

    /** A new connection is open after a loss; {@code down} is how long there was none. */
    void reconnected(C connection, Duration down);
  }

  /**
   * The delays between attempts: {@code first}, doubled after each failure, at most {@code max}.
   */
  public record Backoff(Duration first, Duration max) {
    public Backoff {
      if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
        throw new IllegalArgumentException(
            "backoff needs 0 < first <= max, got " + first + ", " + max);
      }
    }

    Duration after(Duration previous) {
      Duration next = previous.multipliedBy(2);
      return next.compareTo(max) > 0 ? max : next;
    }
  }

  private final Endpoint<C> endpoint;
  private final Clock clock;
  private final Backoff backoff;
  private final Duration probeEvery;
  private final List<Listener<C>> listeners = new CopyOnWriteArrayList<>();

  // Guarded by this.
  private C current;
  private boolean closed;
  private Instant lostAt;
  private Instant nextAttempt;
  private Duration delay;
  private int failedAttempts;
  private String lastError = "";

  /**
   * @param first the connection already open
   * @param probeEvery how often {@link #check} should be called while connected
   */
  public Reconnector(
      Endpoint<C> endpoint, C first, Clock clock, Backoff backoff, Duration probeEvery) {
    this.endpoint = Objects.requireNonNull(endpoint);
    this.current = Objects.requireNonNull(first);
    this.clock = Objects.requireNonNull(clock);
    this.backoff = Objects.requireNonNull(backoff);
    this.probeEvery = Objects.requireNonNull(probeEvery);
    this.delay = backoff.first();
    this.lostAt = clock.instant();
    this.nextAttempt = lostAt;
  }

  public void addListener(Listener<C> listener) {
    listeners.add(listener);
  }

  /** The open connection, or empty while it is lost (or after {@link #close}). */
  public synchronized Optional<C> current() {
    return Optional.ofNullable(current);
  }

  /** Why the last attempt to reconnect failed ("" if none did). */
  public synchronized String lastError() {
    return lastError;
  }

  /** Attempts that failed since the connection was lost. */
  public synchronized int failedAttempts() {
    return failedAttempts;
  }

  /**
   * A call on {@code c} failed: if {@code c} is the current connection and no longer alive, it is
   * given up now rather than at the next check. Returns whether {@code c} is lost.
   */
  public boolean suspect(C c) {
    synchronized (this) {
      if (c != current) {
        return true; // an older connection, already replaced or given up
      }
    }
    if (endpoint.alive(c)) {
      return false;
    }
    drop(c, "a call failed on a dead connection");
    return true;
  }

  /**
   * Probes the connection, or tries to reopen it when an attempt is due. Returns how long until the
   * next check is worth making.
   */
  public Duration check() {
    C c;
    synchronized (this) {
      if (closed) {
        return probeEvery;
      }
      c = current;
    }
    if (c != null) {
      if (endpoint.alive(c)) {
        return probeEvery;
      }
      drop(c, "the connection is closed");
    }
    return attempt();
  }

  private Duration attempt() {
    synchronized (this) {
      Instant now = clock.instant();
      if (now.isBefore(nextAttempt)) {
        return Duration.between(now, nextAttempt);
      }
    }
    C opened;
    try {
      opened = endpoint.open();
    } catch (Exception e) {
      synchronized (this) {
        failedAttempts++;
        lastError = String.valueOf(e.getMessage());
        nextAttempt = clock.instant().plus(delay);
        Duration wait = delay;
        delay = backoff.after(delay);
        return wait;
      }
    }
    Duration down;
    synchronized (this) {
      if (closed) {
        endpoint.close(opened);
        return probeEvery;
      }
      current = opened;
      down = Duration.between(lostAt, clock.instant());
      delay = backoff.first();
      failedAttempts = 0;
      lastError = "";
    }
    for (Listener<C> l : listeners) {
      try {
        l.reconnected(opened, down);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a reconnection listener failed", e);
      }
    }
    return probeEvery;
  }

  private void drop(C c, String why) {
    synchronized (this) {
      if (c != current) {
        return;
      }
      current = null;
      lostAt = clock.instant();
      nextAttempt = lostAt; // the first attempt right away: a restarted daemon may be back already
      delay = backoff.first();
    }
    // Listeners first: they unregister what lives on the lost connection before it is closed.
    for (Listener<C> l : listeners) {
      try {
        l.lost(why);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a connection-loss listener failed", e);
      }
    }
    endpoint.close(c);
  }

  /** Closes the current connection and stops reconnecting. */
  public void close() {
    C c;
    synchronized (this) {
      closed = true;
      c = current;
      current = null;
    }
    if (c != null) {
      endpoint.close(c);
    }
  }
}
