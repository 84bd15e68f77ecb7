package org.vimana.node.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static List<Long> delaysMs(Backoff b, int n) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(b.next().toMillis());
    }
    return out;
  }

  @Test
  void doublesFromTheFirstDelayUpToTenSeconds() {
    assertThat(delaysMs(new Backoff(Duration.ofSeconds(1)), 6))
        .containsExactly(1000L, 2000L, 4000L, 8000L, 10000L, 10000L);
  }

  @Test
  void resetStartsOverFromTheFirstDelay() {
    Backoff b = new Backoff(Duration.ofMillis(50));
    delaysMs(b, 4);
    b.reset();
    assertThat(delaysMs(b, 2)).containsExactly(50L, 100L);
  }

  @Test
  void aFirstDelayAboveTheCapIsCapped() {
    assertThat(delaysMs(new Backoff(Duration.ofMinutes(1)), 2)).containsExactly(10000L, 10000L);
  }

  @Test
  void spreadStaysWithinTwentyPercent() {
    Duration d = Duration.ofSeconds(10);
    assertThat(Backoff.spread(d, 0)).isEqualTo(Duration.ofSeconds(8));
    assertThat(Backoff.spread(d, 0.5)).isEqualTo(d);
    assertThat(Backoff.spread(d, 0.999))
        .isBetween(Duration.ofMillis(11_990), Duration.ofSeconds(12));
  }

  @Test
  void refusesANonPositiveFirstDelay() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
