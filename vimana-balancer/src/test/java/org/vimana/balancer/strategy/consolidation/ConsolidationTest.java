package org.vimana.balancer.strategy.consolidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vimana.balancer.Fixtures.cluster;
import static org.vimana.balancer.Fixtures.settings;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vimana.balancer.plan.HostPowerAction;
import org.vimana.balancer.plan.Move;
import org.vimana.balancer.plan.Reason;
import org.vimana.balancer.snapshot.Constraints;
import org.vimana.balancer.strategy.PlanAssert;
import org.vimana.balancer.strategy.Strategies;
import org.vimana.balancer.strategy.Strategy;

class ConsolidationTest {

  private final Strategy thr = Strategies.create("thr-mmt:0.8", settings());

  @Test
  void anOverloadedHostShedsLoadWithoutMakingANewHotSpot() {
    var s = cluster().host("a", 0.9, 0.9).host("b", 0.2).host("c", 0.6, 0.6).snapshot();
    var plan = thr.plan(s);
    assertThat(plan.moves())
        .anySatisfy(
            m -> {
              assertThat(m.sourceHostId()).isEqualTo("a");
              assertThat(m.reason()).isEqualTo(Reason.OVERLOAD);
            });
    PlanAssert.loadsAfter(s, plan)
        .forEach((h, load) -> assertThat(load).as(h).isLessThanOrEqualTo(0.8));
  }

  @Test
  void underloadedHostsAreEmptiedAndSwitchedOff() {
    var s = cluster().host("a", 0.2).host("b", 0.6, 0.4).snapshot();
    var plan = thr.plan(s);
    assertThat(plan.moves())
        .extracting(Move::vmId, Move::targetHostId, Move::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a-vm0", "b", Reason.UNDERLOAD));
    assertThat(plan.powerActions())
        .containsExactly(new HostPowerAction("a", false, "emptied by the plan"));
  }

  @Test
  void aHostIsEmptiedOnlyIfAllItsVmsFit() {
    var s = cluster().host("a", 0.7, 0.6).host("b", 0.7, 0.6).snapshot();
    assertThat(thr.plan(s).moves()).isEmpty();
  }

  @Test
  void pinnedVmsStayAndKeepTheirHostOn() {
    var s =
        cluster()
            .host("a", 0.2)
            .host("b", 0.6, 0.4)
            .constraints(Constraints.none().withPinned(Set.of("a-vm0")))
            .snapshot();
    var plan = thr.plan(s);
    assertThat(plan.moves()).noneMatch(m -> m.vmId().equals("a-vm0"));
    assertThat(plan.powerActions()).isEmpty();
  }

  @Test
  void antiAffinityKeepsGroupMembersApart() {
    var s =
        cluster()
            .host("a", 0.2)
            .host("b", 0.6, 0.4)
            .host("c", 0.5, 0.5)
            .constraints(Constraints.none().withAntiAffinity(Set.of("a-vm0", "b-vm0")))
            .snapshot();
    var plan = thr.plan(s);
    assertThat(PlanAssert.hostAfter(plan, "a-vm0", "a")).isNotEqualTo("b");
  }

  @Test
  void maintenanceHostsAreEvacuatedBySpreading() {
    var s =
        cluster()
            .host("m", 0.2, 0.2, 0.2, 0.2)
            .host("x", 0.1)
            .host("y", 0.1)
            .host("z", 0.1)
            .host("w", 0.1)
            .constraints(Constraints.none().withMaintenance(Set.of("m")))
            .snapshot();
    var plan = thr.plan(s);
    var evacuations = plan.moves().stream().filter(m -> m.reason() == Reason.MAINTENANCE).toList();
    assertThat(evacuations).hasSize(4);
    assertThat(evacuations.stream().map(Move::targetHostId).distinct()).hasSize(4);
    assertThat(plan.moves()).noneMatch(m -> m.targetHostId().equals("m"));
  }

  @Test
  void aPinnedVmOnAMaintenanceHostIsReportedNotForced() {
    var s =
        cluster()
            .host("m", 0.2)
            .host("x", 0.1)
            .constraints(
                Constraints.none().withMaintenance(Set.of("m")).withPinned(Set.of("m-vm0")))
            .snapshot();
    var plan = thr.plan(s);
    assertThat(plan.moves()).noneMatch(m -> m.vmId().equals("m-vm0"));
    assertThat(plan.notes()).anyMatch(n -> n.contains("pinned"));
  }

  @Test
  void theMigrationLimitPerHostIsHonoured() {
    var s =
        cluster()
            .host("a", 0.1)
            .host("b", 0.1)
            .host("c", 0.1)
            .host("d", 0.5)
            .constraints(Constraints.none().withMaxMigrationsPerHost(1))
            .snapshot();
    var plan = thr.plan(s);
    var touches = new java.util.HashMap<String, Integer>();
    for (Move m : plan.moves()) {
      touches.merge(m.sourceHostId(), 1, Integer::sum);
      touches.merge(m.targetHostId(), 1, Integer::sum);
    }
    assertThat(plan.moves()).isNotEmpty();
    assertThat(touches.values()).allMatch(n -> n <= 1);
  }

  @Test
  void theSameSnapshotGivesTheSamePlanEvenWithRandomSelection() {
    var rs = Strategies.create("thr-rs:0.8", settings());
    var s = cluster().host("a", 0.9, 0.8, 0.7).host("b", 0.1).host("c", 0.1).snapshot();
    assertThat(rs.plan(s)).isEqualTo(rs.plan(s));
  }

  @Test
  void chainedMovesKeepBothHopsWhenAsked() {
    var chained =
        Strategies.create(
            "thr-mmt:0.8",
            new Strategies.Settings(
                new org.vimana.balancer.cost.CopyOnceCostModel(),
                org.vimana.balancer.cost.AntiThrashing.NONE,
                0.8,
                0,
                100,
                1,
                true));
    var s = cluster().host("a", 0.9, 0.9).host("b", 0.1).host("c", 0.5, 0.4).snapshot();
    var merged = thr.plan(s);
    var both = chained.plan(s);
    assertThat(both.moves().size()).isGreaterThanOrEqualTo(merged.moves().size());
    assertThat(PlanAssert.loadsAfter(s, both)).isEqualTo(PlanAssert.loadsAfter(s, merged));
  }
}
