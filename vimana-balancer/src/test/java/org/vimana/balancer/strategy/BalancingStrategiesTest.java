package org.vimana.balancer.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vimana.balancer.Fixtures.cluster;
import static org.vimana.balancer.Fixtures.settings;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vimana.balancer.cost.AntiThrashing;
import org.vimana.balancer.plan.Move;
import org.vimana.balancer.plan.Reason;
import org.vimana.balancer.snapshot.Constraints;

class BalancingStrategiesTest {

  private static double sd(Map<String, Double> loads) {
    double mean = loads.values().stream().mapToDouble(d -> d).average().orElse(0);
    return Math.sqrt(
        loads.values().stream().mapToDouble(d -> (d - mean) * (d - mean)).average().orElse(0));
  }

  @Test
  void equalizeReducesImbalanceWithoutCreatingAHotSpot() {
    var s = cluster().host("a", 0.7, 0.7, 0.2).host("b", 0.1).host("c", 0.3).snapshot();
    var plan = Strategies.create("equalize:3", settings()).plan(s);
    assertThat(plan.moves()).isNotEmpty().allMatch(m -> m.reason() == Reason.IMBALANCE);
    var after = PlanAssert.loadsAfter(s, plan);
    assertThat(sd(after)).isLessThan(sd(PlanAssert.loadsAfter(s, Plan0.of())));
    after.values().forEach(l -> assertThat(l).isLessThanOrEqualTo(0.8));
  }

  @Test
  void equalizeLevelOneMakesOnlyMandatoryMoves() {
    var s = cluster().host("a", 0.7, 0.7, 0.2).host("b", 0.1).host("c", 0.3).snapshot();
    assertThat(Strategies.create("equalize:1", settings()).plan(s).moves()).isEmpty();
    var maintenance =
        cluster()
            .host("a", 0.3, 0.3)
            .host("b", 0.1)
            .host("c", 0.1)
            .constraints(Constraints.none().withMaintenance(Set.of("a")))
            .snapshot();
    var plan = Strategies.create("equalize:1", settings()).plan(maintenance);
    assertThat(plan.moves()).extracting(Move::targetHostId).containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void coolDownAndHysteresisStopThrashing() {
    var f = cluster().host("a", 0.7, 0.7, 0.2).host("b", 0.1).host("c", 0.3).at(1000);
    for (String vm : new String[] {"a-vm0", "a-vm1", "a-vm2"}) {
      f.replace(f.vmNamed(vm).withLastMigratedAt(900));
    }
    var coolDown = Strategies.create("equalize:5", settings(new AntiThrashing(0, 0, 600)));
    assertThat(coolDown.plan(f.snapshot()).moves()).isEmpty();
    // imbalance 0.1625: above level 3's tolerance of 0.02, below 0.02 + 0.15
    var near = cluster().host("a", 0.3, 0.2).host("b", 0.1).snapshot();
    assertThat(Strategies.create("equalize:3", settings()).plan(near).moves()).isNotEmpty();
    var hysteresis = Strategies.create("equalize:3", settings(new AntiThrashing(0, 0.15, 0)));
    assertThat(hysteresis.plan(near).moves()).isEmpty();
  }

  @Test
  void equalizeNeverMovesBackAndForthOnASteadyCluster() {
    var s = cluster().host("a", 0.6, 0.6, 0.6).host("b", 0.1).host("c", 0.2).snapshot();
    var eq = Strategies.create("equalize:5", settings());
    var plan = eq.plan(s);
    assertThat(plan.moves().stream().map(Move::vmId).distinct().count())
        .isEqualTo(plan.moves().size());
  }

  @Test
  void thresholdShedsTheVmClosestToTheExcessToTheLeastLoadedHost() {
    var s = cluster().host("a", 0.95, 0.95).host("b", 0.2).host("c", 0.5).snapshot();
    var plan = Strategies.create("threshold:0.8", settings()).plan(s);
    assertThat(plan.moves()).hasSize(1);
    assertThat(plan.moves().get(0).targetHostId()).isEqualTo("b");
    PlanAssert.loadsAfter(s, plan).values().forEach(l -> assertThat(l).isLessThanOrEqualTo(0.8));
  }

  @Test
  void badSpecsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> Strategies.create("foo-mmt:0.8", settings()))
        .hasMessageContaining("foo");
    assertThatThrownBy(() -> Strategies.create("thr-xyz", settings())).hasMessageContaining("xyz");
    assertThatThrownBy(() -> Strategies.create("equalize:9", settings()))
        .hasMessageContaining("1..5");
    assertThatThrownBy(() -> Strategies.create("thr-mmt:abc", settings()))
        .hasMessageContaining("abc");
  }

  /** An empty plan, for "before" loads. */
  private static final class Plan0 {
    static org.vimana.balancer.plan.Plan of() {
      return org.vimana.balancer.plan.Plan.empty("none");
    }
  }
}
