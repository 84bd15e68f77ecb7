package org.vimana.node.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntervalsTest {
  @Test
  void keepsTheManagersIntervals() {
    Intervals i = Intervals.ofMillis(500, 2000);
    assertThat(i.heartbeat()).isEqualTo(Duration.ofMillis(500));
    assertThat(i.stats()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void missingOrNegativeIntervalsFallBackToTheDefaults() {
    Intervals i = Intervals.ofMillis(0, -5);
    assertThat(i.heartbeat()).isEqualTo(Intervals.DEFAULT_HEARTBEAT);
    assertThat(i.stats()).isEqualTo(Intervals.DEFAULT_STATS);
  }

  @Test
  void absurdIntervalsAreBounded() {
    Intervals i = Intervals.ofMillis(1, Integer.MAX_VALUE);
    assertThat(i.heartbeat()).isEqualTo(Intervals.MIN);
    assertThat(i.stats()).isEqualTo(Intervals.MAX);
  }
}
