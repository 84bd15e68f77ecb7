package org.vimana.balancer.strategy.consolidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vimana.balancer.Fixtures.cluster;
import static org.vimana.balancer.Fixtures.settings;

import org.junit.jupiter.api.Test;
import org.vimana.balancer.plan.Move;
import org.vimana.balancer.power.PowerModel;
import org.vimana.balancer.power.PowerModels;
import org.vimana.balancer.power.SpecPowerModel;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.state.WorkingState;
import org.vimana.balancer.strategy.Strategies;

/** PABFD's host choice on hosts with different power tables. */
class PowerAwarePlacementTest {

  private static final PowerModel G4 = PowerModels.HP_PROLIANT_ML110_G4;
  private static final PowerModel G5 = PowerModels.HP_PROLIANT_ML110_G5;

  /** Where thr-mmt:0.8 sends the VM it takes off hot host a. */
  private static String targetOfTheVmShed(ClusterSnapshot s) {
    var plan = Strategies.create("thr-mmt:0.8", settings()).plan(s);
    assertThat(plan.moves()).extracting(Move::vmId).containsExactly("a-vm0");
    return plan.moves().get(0).targetHostId();
  }

  /** Watts host {@code host} would draw above its snapshot draw with {@code vm} added. */
  private static double increase(ClusterSnapshot s, String vm, String host) {
    return PowerAwarePlacement.powerIncrease(new WorkingState(s), s.vmIndex(vm), s.hostIndex(host));
  }

  @Test
  void theVmGoesToTheHostWhosePowerGrowsLeast() {
    // a (90 %) sheds a VM of 45 %; b and c are both at 30 % and would end at 75 %.
    var sameTables = cluster().host("a", 0.9, 0.9).host("b", G5, 0.6).host("c", G5, 0.6).snapshot();
    assertThat(targetOfTheVmShed(sameTables)).as("identical hosts: the first").isEqualTo("b");

    // On a G4 the same 30 % -> 75 % costs 110 - 96 = 14 W, on a G5 127 - 105 = 22 W.
    var cIsG4 = cluster().host("a", 0.9, 0.9).host("b", G5, 0.6).host("c", G4, 0.6).snapshot();
    assertThat(increase(cIsG4, "a-vm0", "b")).isCloseTo(22, within(1e-9));
    assertThat(increase(cIsG4, "a-vm0", "c")).isCloseTo(14, within(1e-9));
    assertThat(targetOfTheVmShed(cIsG4)).isEqualTo("c");

    // and it is the table, not the order of the hosts
    var bIsG4 = cluster().host("a", 0.9, 0.9).host("b", G4, 0.6).host("c", G5, 0.6).snapshot();
    assertThat(targetOfTheVmShed(bIsG4)).isEqualTo("b");
  }

  @Test
  void powerNotLoadDecidesWhereTheVmGoes() {
    // b is the least loaded host (10 %) but its power climbs 20 W per 10 %: 90 W more at 55 %;
    // c (30 %, a G4) grows by 14 W. Threshold, which fills the least loaded host, picks b.
    var steep = SpecPowerModel.of("steep", 100, 120, 140, 160, 180, 200, 220, 240, 260, 280, 300);
    var s = cluster().host("a", 0.9, 0.9).host("b", steep, 0.2).host("c", G4, 0.6).snapshot();
    assertThat(increase(s, "a-vm0", "b")).isCloseTo(90, within(1e-9));
    assertThat(Strategies.create("threshold:0.8", settings()).plan(s).moves())
        .extracting(Move::targetHostId)
        .containsExactly("b");
    assertThat(targetOfTheVmShed(s)).isEqualTo("c");
  }
}
