package org.vimana.driver.libvirt.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconnectorTest {
  private static final Duration PROBE = Duration.ofSeconds(1);
  private static final Reconnector.Backoff BACKOFF =
      new Reconnector.Backoff(Duration.ofMillis(200), Duration.ofMillis(1000));

  /** A connection of the fake endpoint: a number and whether it still works. */
  static final class Conn {
    final int n;
    boolean alive = true;
    boolean closed;

    Conn(int n) {
      this.n = n;
    }
  }

  /** Opens connection n+1 when the daemon is up, fails with "connection refused" otherwise. */
  static final class FakeEndpoint implements Reconnector.Endpoint<Conn> {
    boolean daemonUp = true;
    int opened;
    final List<Conn> closed = new ArrayList<>();

    @Override
    public Conn open() throws IOException {
      if (!daemonUp) {
        throw new IOException("connection refused");
      }
      return new Conn(++opened);
    }

    @Override
    public boolean alive(Conn c) {
      return c.alive;
    }

    @Override
    public void close(Conn c) {
      c.closed = true;
      closed.add(c);
    }
  }

  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2024-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** Records what the listener heard, in order. */
  static final class Heard implements Reconnector.Listener<Conn> {
    final List<String> log = new ArrayList<>();

    @Override
    public void lost(String why) {
      log.add("lost");
    }

    @Override
    public void reconnected(Conn c, Duration down) {
      log.add("reconnected " + c.n + " after " + down.toMillis() + " ms");
    }
  }

  private final FakeEndpoint endpoint = new FakeEndpoint();
  private final ManualClock clock = new ManualClock();
  private final Conn first = new Conn(0);
  private final Reconnector<Conn> r = new Reconnector<>(endpoint, first, clock, BACKOFF, PROBE);
  private final Heard heard = new Heard();

  {
    r.addListener(heard);
  }

  @Test
  void aHealthyConnectionIsOnlyProbed() {
    assertThat(r.check()).isEqualTo(PROBE);
    assertThat(r.current()).containsSame(first);
    assertThat(endpoint.opened).isZero();
    assertThat(heard.log).isEmpty();
  }

  @Test
  void aLostConnectionIsReopenedAtOnceWhenTheDaemonIsBack() {
    first.alive = false;
    assertThat(r.check()).isEqualTo(PROBE);
    assertThat(first.closed).isTrue();
    assertThat(r.current()).map(c -> c.n).contains(1);
    assertThat(heard.log).containsExactly("lost", "reconnected 1 after 0 ms");
  }

  @Test
  void attemptsBackOffWhileTheDaemonIsDownThenResetOnSuccess() {
    endpoint.daemonUp = false;
    first.alive = false;
    // First attempt at once; then 200, 400, 800 ms and capped at 1000 ms.
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Duration wait = r.check();
      waits.add(wait.toMillis());
      assertThat(r.current()).isEmpty();
      assertThat(r.check()).as("not due yet").isEqualTo(wait);
      clock.advance(wait);
    }
    assertThat(waits).containsExactly(200L, 400L, 800L, 1000L, 1000L);
    assertThat(r.failedAttempts()).isEqualTo(5);
    assertThat(r.lastError()).isEqualTo("connection refused");

    endpoint.daemonUp = true;
    assertThat(r.check()).isEqualTo(PROBE);
    assertThat(r.current()).map(c -> c.n).contains(1);
    assertThat(r.failedAttempts()).isZero();
    assertThat(r.lastError()).isEmpty();
    assertThat(heard.log).containsExactly("lost", "reconnected 1 after 3400 ms");

    // The next loss starts from the first delay again.
    r.current().orElseThrow().alive = false;
    endpoint.daemonUp = false;
    assertThat(r.check()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void aFailedCallOnALiveConnectionIsAnOrdinaryError() {
    assertThat(r.suspect(first)).isFalse();
    assertThat(r.current()).containsSame(first);
  }

  @Test
  void aFailedCallOnADeadConnectionGivesItUpBeforeTheNextProbe() {
    endpoint.daemonUp = false;
    first.alive = false;
    assertThat(r.suspect(first)).isTrue();
    assertThat(r.current()).isEmpty();
    assertThat(first.closed).isTrue();
    assertThat(heard.log).containsExactly("lost");
    // An old connection is reported lost without a second "lost".
    assertThat(r.suspect(first)).isTrue();
    assertThat(heard.log).containsExactly("lost");
  }

  @Test
  void listenersHearOfTheLossBeforeTheConnectionIsClosed() {
    List<Boolean> closedWhenHeard = new ArrayList<>();
    r.addListener(
        new Reconnector.Listener<>() {
          @Override
          public void lost(String why) {
            closedWhenHeard.add(first.closed);
          }

          @Override
          public void reconnected(Conn c, Duration down) {}
        });
    first.alive = false;
    r.check();
    assertThat(closedWhenHeard).containsExactly(false);
  }

  @Test
  void aFailingListenerDoesNotStopTheOthersNorTheReconnection() {
    Reconnector<Conn> r2 = new Reconnector<>(endpoint, first, clock, BACKOFF, PROBE);
    r2.addListener(
        (c, down) -> {
          throw new IllegalStateException("boom");
        });
    Heard after = new Heard();
    r2.addListener(after);
    first.alive = false;
    r2.check();
    assertThat(r2.current()).map(c -> c.n).contains(1);
    assertThat(after.log).containsExactly("lost", "reconnected 1 after 0 ms");
  }

  @Test
  void closeClosesTheConnectionAndStopsReconnecting() {
    r.close();
    assertThat(first.closed).isTrue();
    assertThat(r.current()).isEmpty();
    assertThat(r.check()).isEqualTo(PROBE);
    assertThat(endpoint.opened).isZero();
  }

  @Test
  void backoffIsValidated() {
    assertThatThrownBy(() -> new Reconnector.Backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("first");
    assertThatThrownBy(() -> new Reconnector.Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
