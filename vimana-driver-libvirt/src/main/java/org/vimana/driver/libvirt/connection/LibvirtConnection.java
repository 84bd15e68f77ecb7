package org.vimana.driver.libvirt.connection;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.libvirt.LibvirtException;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.driver.libvirt.event.EventLoop;
import org.vimana.driver.libvirt.stats.StatsConnect;

/**
 * The libvirt connection of one driver instance, kept open across libvirtd restarts. A watcher
 * thread probes it every {@link #PROBE_EVERY} ({@code virConnectIsAlive}, a local check) and is
 * woken at once by libvirt's close callback; libvirt keepalive gives up on a daemon that hangs.
 * Once lost, it reconnects with backoff and tells its listeners, who register their event callbacks
 * again on the new connection. Meanwhile {@link #get} fails with "libvirtd at URI is unreachable;
 * reconnecting"; the VMs, being QEMU processes, run on regardless.
 */
public final class LibvirtConnection implements AutoCloseable {
  /** How often a healthy connection is probed. */
  public static final Duration PROBE_EVERY = Duration.ofSeconds(1);

  /** Reconnection attempts: at once, then after 200 ms, doubling up to 3 s. */
  public static final Reconnector.Backoff BACKOFF =
      new Reconnector.Backoff(Duration.ofMillis(200), Duration.ofSeconds(3));

  /** libvirt keepalive: a daemon that stops answering (hung, not dead) is dropped after ~20 s. */
  private static final int KEEPALIVE_INTERVAL_S = 5;

  private static final int KEEPALIVE_COUNT = 3;
  private static final System.Logger LOG = System.getLogger(LibvirtConnection.class.getName());

  private final String uri;
  private final ScheduledExecutorService watcher;
  private final Reconnector<StatsConnect> reconnector;
  private volatile boolean closed;

  private LibvirtConnection(String uri, Clock clock) throws LibvirtException {
    this.uri = uri;
    this.watcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "libvirt-connection " + uri);
              t.setDaemon(true);
              return t;
            });
    StatsConnect first;
    try {
      first = dial();
    } catch (LibvirtException | RuntimeException e) {
      watcher.shutdownNow();
      throw e;
    }
    this.reconnector = new Reconnector<>(new Dialer(), first, clock, BACKOFF, PROBE_EVERY);
    reconnector.addListener(new Log());
    schedule(PROBE_EVERY);
  }

  /**
   * Connects to {@code uri} (libvirt's event loop is started first, as libvirt requires) and keeps
   * the connection open from then on.
   *
   * @throws LibvirtException when libvirt cannot be reached now
   */
  public static LibvirtConnection open(String uri, Clock clock) throws LibvirtException {
    EventLoop.ensureStarted();
    return new LibvirtConnection(uri, clock);
  }

  public String uri() {
    return uri;
  }

  /** Hears of every loss and reconnection, on the watcher thread. */
  public void addListener(Reconnector.Listener<StatsConnect> listener) {
    reconnector.addListener(listener);
  }

  /**
   * The open connection.
   *
   * @throws HypervisorException FAILED while libvirtd is unreachable
   */
  public StatsConnect get() throws HypervisorException {
    return reconnector.current().orElseThrow(this::unreachable);
  }

  public boolean connected() {
    return reconnector.current().isPresent();
  }

  /**
   * A call failed: returns true when that is because the connection is lost (it is then given up
   * and reconnection starts at once), false for an ordinary libvirt error.
   */
  public boolean lostNow() {
    StatsConnect c = reconnector.current().orElse(null);
    if (c != null && !reconnector.suspect(c)) {
      return false;
    }
    wake();
    return true;
  }

  /** What every call reports while there is no connection. */
  public HypervisorException unreachable() {
    String last = reconnector.lastError();
    return new HypervisorException(
        Reason.FAILED,
        "libvirtd at "
            + uri
            + " is unreachable; reconnecting"
            + (last.isEmpty() ? "" : " (last attempt: " + last + ")"));
  }

  @Override
  public void close() {
    closed = true;
    watcher.shutdownNow();
    reconnector.close();
  }

  private StatsConnect dial() throws LibvirtException {
    StatsConnect c = new StatsConnect(uri);
    try {
      c.setKeepAlive(KEEPALIVE_INTERVAL_S, KEEPALIVE_COUNT);
    } catch (LibvirtException e) {
      // Local drivers (test://) have no keepalive; they cannot be lost either.
    }
    try {
      c.registerCloseListener((conn, reason) -> wake());
    } catch (LibvirtException e) {
      LOG.log(System.Logger.Level.DEBUG, "no close callback on " + uri + "; probing only", e);
    }
    return c;
  }

  /** Runs a check now (libvirt's close callback, a failed call); the periodic checks go on. */
  private void wake() {
    Reconnector<StatsConnect> r = reconnector; // null only while the constructor runs
    if (closed || r == null) {
      return;
    }
    try {
      watcher.execute(r::check);
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  private void tick() {
    Duration next = PROBE_EVERY;
    try {
      next = reconnector.check();
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING, "checking the libvirt connection to " + uri + " failed", e);
    }
    if (!closed) {
      schedule(next);
    }
  }

  private void schedule(Duration delay) {
    try {
      ScheduledFuture<?> unused =
          watcher.schedule(this::tick, Math.max(10, delay.toMillis()), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  private final class Dialer implements Reconnector.Endpoint<StatsConnect> {
    @Override
    public StatsConnect open() throws LibvirtException {
      return dial();
    }

    @Override
    public boolean alive(StatsConnect c) {
      try {
        return c.isAlive();
      } catch (LibvirtException e) {
        return false;
      }
    }

    @Override
    public void close(StatsConnect c) {
      try {
        c.close();
      } catch (LibvirtException e) {
        // a lost connection: nothing left to release on the daemon's side
      }
    }
  }

  /** One line per loss and per reconnection. */
  private final class Log implements Reconnector.Listener<StatsConnect> {
    @Override
    public void lost(String why) {
      LOG.log(
          System.Logger.Level.WARNING,
          "lost libvirtd at {0} ({1}); its VMs keep running, reconnecting",
          uri,
          why);
    }

    @Override
    public void reconnected(StatsConnect connection, Duration down) {
      LOG.log(
          System.Logger.Level.INFO,
          "reconnected to libvirtd at {0} after {1} ms",
          uri,
          down.toMillis());
    }
  }
}
