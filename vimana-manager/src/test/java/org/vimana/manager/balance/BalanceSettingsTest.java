package org.vimana.manager.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BalanceSettingsTest {
  private final BalanceSettings d = BalanceSettings.DEFAULTS;

  @Test
  void defaultsAreOffEqualizeThreeEveryFiveMinutes() {
    assertThat(d.mode()).isEqualTo(BalanceMode.OFF);
    assertThat(d.spec()).isEqualTo("equalize:3");
    assertThat(d.intervalSeconds()).isEqualTo(300);
    assertThat(d.newStrategy().name()).isEqualTo("equalize:3");
  }

  @Test
  void changesOnlyWhatIsGiven() {
    BalanceSettings s = d.with("automatic", null, 5, null);
    assertThat(s.mode()).isEqualTo(BalanceMode.AUTOMATIC);
    assertThat(s.spec()).isEqualTo("equalize:5");
    assertThat(s.intervalSeconds()).isEqualTo(300);
    BalanceSettings t = s.with(null, " Threshold:0.7 ", null, 60L);
    assertThat(t.spec()).isEqualTo("threshold:0.7");
    assertThat(t.aggressiveness()).isEqualTo(5);
    assertThat(t.intervalSeconds()).isEqualTo(60);
    assertThat(d.with(null, "thr-mmt:0.8", null, null).newStrategy().name())
        .isEqualTo("thr-mmt:0.8");
  }

  @Test
  void refusesBadValuesNamingThem() {
    assertThatThrownBy(() -> d.with("sometimes", null, null, null))
        .hasMessage("mode must be one of off, recommend, automatic; got 'sometimes'");
    assertThatThrownBy(() -> d.with(null, "magic", null, null))
        .hasMessageContaining("unknown strategy 'magic'");
    assertThatThrownBy(() -> d.with(null, "thr-xyz:0.8", null, null))
        .hasMessageContaining("unknown VM selection 'xyz'");
    assertThatThrownBy(() -> d.with(null, " ", null, null))
        .hasMessage("strategy must not be blank");
    assertThatThrownBy(() -> d.with(null, null, 0, null))
        .hasMessage("aggressiveness must be from 1 (mandatory moves only) to 5, got 0");
    assertThatThrownBy(() -> d.with(null, "equalize:9", null, null))
        .hasMessageContaining("equalize level must be 1..5");
    assertThatThrownBy(() -> d.with(null, null, null, 1L))
        .hasMessage("intervalSeconds must be from 5 to 86400, got 1");
  }
}
