package org.vimana.balancer.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.vimana.balancer.Fixtures.cluster;
import static org.vimana.balancer.strategy.PlanAssert.netGain;

import org.junit.jupiter.api.Test;
import org.vimana.balancer.Fixtures;
import org.vimana.balancer.cost.AntiThrashing;
import org.vimana.balancer.cost.CopyOnceCostModel;
import org.vimana.balancer.plan.Move;
import org.vimana.balancer.plan.Plan;
import org.vimana.balancer.snapshot.ClusterSnapshot;

/**
 * What a move must be worth before it is made: equalize's cost-benefit (net gain = N x (imbalance
 * before - after) x (1 - T / horizon) - costPerSecond x T, T the migration's duration), the
 * anti-thrashing minimum gain, and threshold's hysteresis band.
 */
class CostBenefitTest {

  private static Plan plan(String spec, ClusterSnapshot s, double costPerSecond, AntiThrashing a) {
    var settings =
        new Strategies.Settings(new CopyOnceCostModel(), a, 0.8, costPerSecond, 100, 7, false);
    return Strategies.create(spec, settings).plan(s);
  }

  private static Plan equalize(ClusterSnapshot s, double costPerSecond) {
    return plan("equalize:3", s, costPerSecond, AntiThrashing.NONE);
  }

  /**
   * Host a at 95 %, b at 10 %; moving one of a's VMs to b takes imbalance from 0.4875 to 0.1125,
   * 0.75 host-equivalents on 2 hosts. Each of a's VMs copies {@code copiedMib} at 100 MiB/s.
   */
  private static ClusterSnapshot hotAndCool(long copiedMib) {
    var f = cluster().host("a", 0.95, 0.95).host("b", 0.2);
    for (String vm : new String[] {"a-vm0", "a-vm1"}) {
      f.replace(Fixtures.withMemory(f.vmNamed(vm), copiedMib, 1024));
    }
    return f.snapshot();
  }

  @Test
  void aMoveIsNotMadeWhenEachSecondOfMigrationCostsMoreThanItGains() {
    var s = hotAndCool(1024); // 10.24 s to copy
    // worth 0.75 x (1 - 10.24 / 300) = 0.724 for free, 0.724 - 0.05 x 10.24 = 0.212 at 0.05/s
    var free = equalize(s, 0);
    assertThat(free.moves()).extracting(Move::vmId).containsExactly("a-vm0");
    assertThat(netGain(free.moves().get(0))).isEqualTo(0.724);
    assertThat(netGain(equalize(s, 0.05).moves().get(0))).isEqualTo(0.212);
    // 0.724 - 0.1 x 10.24 < 0: the migration costs more than the balance it buys
    assertThat(equalize(s, 0.1).moves()).isEmpty();
  }

  @Test
  void aLargeVmIsNotMovedWhenCopyingItCostsMoreThanTheMoveGains() {
    // at 0.01 per second a 1 GiB VM (10 s to copy) is worth moving ...
    assertThat(equalize(hotAndCool(1024), 0.01).moves())
        .extracting(Move::targetHostId)
        .containsExactly("b");
    // ... one with 16 GiB to copy (164 s: 0.75 x 0.45 - 1.64 < 0) is not, though it would be free
    assertThat(equalize(hotAndCool(16_384), 0.01).moves()).isEmpty();
    assertThat(equalize(hotAndCool(16_384), 0).moves())
        .extracting(Move::targetHostId)
        .containsExactly("b");
  }

  @Test
  void aMigrationThatWouldEndNearTheHorizonIsNotWorthMakingEvenForFree() {
    // 29,000 MiB take 290 s of the 300 s horizon: 0.75 x 10 / 300 = 0.025 < level 3's 0.03
    assertThat(equalize(hotAndCool(29_000), 0).moves()).isEmpty();
    assertThat(equalize(hotAndCool(20_000), 0).moves()).hasSize(1);
  }

  @Test
  void theAntiThrashingMinimumGainStopsASmallImprovement() {
    // a at 25 %, b at 5 %: moving a-vm1 is worth a little under 0.2 host-equivalents
    var s = cluster().host("a", 0.3, 0.2).host("b", 0.1).snapshot();
    var small = plan("equalize:3", s, 0, new AntiThrashing(0.15, 0, 0));
    assertThat(small.moves()).extracting(Move::vmId).containsExactly("a-vm1");
    assertThat(netGain(small.moves().get(0))).isBetween(0.15, 0.25);
    assertThat(plan("equalize:3", s, 0, new AntiThrashing(0.25, 0, 0)).moves()).isEmpty();

    // threshold counts the gain as the utilisation shed: one of hot host a's VMs is 45 %
    var hot = cluster().host("a", 0.9, 0.9).host("b", 0.2).snapshot();
    assertThat(plan("threshold:0.8", hot, 0, new AntiThrashing(0.4, 0, 0)).moves()).hasSize(1);
    assertThat(plan("threshold:0.8", hot, 0, new AntiThrashing(0.5, 0, 0)).moves()).isEmpty();
  }

  @Test
  void thresholdLeavesAHostWithinItsHysteresisBandAlone() {
    var justAbove = cluster().host("a", 0.82, 0.82).host("b", 0.2).snapshot(); // a at 82 %
    assertThat(plan("threshold:0.8", justAbove, 0, AntiThrashing.NONE).moves())
        .extracting(Move::vmId, Move::targetHostId)
        .containsExactly(tuple("a-vm0", "b"));
    var band = new AntiThrashing(0, 0.05, 0);
    assertThat(plan("threshold:0.8", justAbove, 0, band).moves()).isEmpty();
    // above 80 % + 5 % it acts
    var wellAbove = cluster().host("a", 0.9, 0.9).host("b", 0.2).snapshot(); // a at 90 %
    assertThat(plan("threshold:0.8", wellAbove, 0, band).moves())
        .extracting(Move::targetHostId)
        .containsExactly("b");
  }
}
