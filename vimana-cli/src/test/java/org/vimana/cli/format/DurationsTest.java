package org.vimana.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parsesUnitsAndPlainSeconds() {
    assertThat(Durations.parse("60s")).isEqualTo(Duration.ofSeconds(60));
    assertThat(Durations.parse("60")).isEqualTo(Duration.ofSeconds(60));
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Durations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void refusesWhatIsNotADuration() {
    assertThatThrownBy(() -> Durations.parse("soon"))
        .hasMessageContaining("'soon' is not a duration");
    assertThatThrownBy(() -> Durations.parse("5y")).hasMessageContaining("'5y'");
  }

  @Test
  void formatsSecondsInTheLargestExactUnit() {
    assertThat(Durations.formatSeconds(86_400)).isEqualTo("1d");
    assertThat(Durations.formatSeconds(7200)).isEqualTo("2h");
    assertThat(Durations.formatSeconds(600)).isEqualTo("10m");
    assertThat(Durations.formatSeconds(90)).isEqualTo("90s");
    assertThat(Durations.formatSeconds(0)).isEqualTo("0s");
    assertThat(Durations.formatSeconds(0.25)).isEqualTo("250ms");
  }
}
