package org.vimana.balancer.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vimana.balancer.Fixtures;
import org.vimana.balancer.power.PowerModels;
import org.vimana.balancer.snapshot.HostLoad;

class CostModelTest {

  private final HostLoad fast =
      new HostLoad("a", 2, 1000, 4096, 0, PowerModels.HP_PROLIANT_ML110_G4, 62.5, true);
  private final HostLoad slow = fast.withCpuUsedMips(0);

  @Test
  void copyOnceIsMemoryOverBandwidthAsInCloudSim() {
    var vm = Fixtures.vm("v", "a", 0.5);
    var cost = new CopyOnceCostModel().estimate(vm, fast, slow);
    assertThat(cost.seconds()).isCloseTo(1024 / 62.5, within(1e-9));
    assertThat(cost.downtimeSeconds()).isZero();
  }

  @Test
  void preCopyAddsRoundsForDirtyingGuestsAndStopsWithinDowntime() {
    var idle = Fixtures.vm("v", "a", 0.5);
    var busy = idle.withDirtyRate(0.02);
    var model = PreCopyCostModel.DEFAULT;
    var quiet = model.estimate(idle, fast, slow);
    var dirty = model.estimate(busy, fast, slow);
    assertThat(dirty.seconds()).isGreaterThan(quiet.seconds());
    assertThat(dirty.transferredMib()).isGreaterThan(1024);
    assertThat(dirty.downtimeSeconds()).isLessThanOrEqualTo(0.3);
  }

  @Test
  void coolDownHoldsAVmBackUntilItHasPassed() {
    var a = new AntiThrashing(0, 0, 600);
    var vm = Fixtures.vm("v", "a", 0.5).withLastMigratedAt(1000);
    assertThat(a.cooledDown(vm, 1500)).isFalse();
    assertThat(a.cooledDown(vm, 1600)).isTrue();
    assertThat(a.cooledDown(Fixtures.vm("w", "a", 0.5), 0)).isTrue();
  }
}
