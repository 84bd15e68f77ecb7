package org.vimana.balancer.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpecPowerModelTest {

  @Test
  void interpolatesLinearlyBetweenTenths() {
    var g4 = PowerModels.HP_PROLIANT_ML110_G4;
    assertThat(g4.watts(0)).isEqualTo(86);
    assertThat(g4.watts(1)).isEqualTo(117);
    assertThat(g4.watts(0.05)).isCloseTo(87.7, within(1e-9));
    assertThat(PowerModels.HP_PROLIANT_ML110_G5.watts(0.55)).isCloseTo(118.5, within(1e-9));
  }

  @Test
  void refusesBadTablesAndUtilisations() {
    assertThatThrownBy(() -> SpecPowerModel.of("x", 1, 2, 3)).hasMessageContaining("11 points");
    assertThatThrownBy(() -> SpecPowerModel.of("x", 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4))
        .hasMessageContaining("must not decrease");
    assertThatThrownBy(() -> PowerModels.HP_PROLIANT_ML110_G5.watts(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PowerModels.named("HP-ML110-G5")).contains(PowerModels.HP_PROLIANT_ML110_G5);
  }
}
