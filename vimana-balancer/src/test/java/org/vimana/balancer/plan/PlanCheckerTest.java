package org.vimana.balancer.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vimana.balancer.Fixtures.cluster;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vimana.balancer.cost.MigrationCost;
import org.vimana.balancer.snapshot.Constraints;

class PlanCheckerTest {

  private final PlanChecker checker = new PlanChecker(0.8);
  private final Move move =
      new Move("a-vm0", "a", "b", Reason.OVERLOAD, "test", 0.1, new MigrationCost(10, 0, 1024));

  @Test
  void aValidMoveIsOk() {
    var now = cluster().host("a", 0.9, 0.9).host("b", 0.1).snapshot();
    assertThat(checker.recheck(move, now)).isEqualTo(Verdict.OK);
  }

  @Test
  void aMoveWhoseVmMovedMeanwhileIsStale() {
    var now = cluster().host("a", 0.9).host("b", 0.1).host("c").snapshot();
    var moved =
        cluster()
            .host("a", 0.9)
            .host("b", 0.1)
            .host("c")
            .replace(org.vimana.balancer.Fixtures.vm("a-vm0", "c", 0.9))
            .snapshot();
    assertThat(checker.recheck(move, moved).kind()).isEqualTo(Verdict.Kind.STALE);
    assertThat(checker.recheck(move, moved).reason()).contains("now on c");
    var gone = cluster().host("a").host("b").snapshot();
    assertThat(checker.recheck(move, gone).kind()).isEqualTo(Verdict.Kind.STALE);
    assertThat(checker.recheck(move, now).ok()).isTrue();
  }

  @Test
  void aTargetThatFilledUpOrWentIntoMaintenanceIsInfeasible() {
    var full = cluster().host("a", 0.9).host("b", 0.8, 0.6).snapshot();
    var verdict = checker.recheck(move, full);
    assertThat(verdict.kind()).isEqualTo(Verdict.Kind.INFEASIBLE);
    assertThat(verdict.reason()).contains("hot spot");
    var maintenance =
        cluster()
            .host("a", 0.9)
            .host("b", 0.1)
            .constraints(Constraints.none().withMaintenance(Set.of("b")))
            .snapshot();
    assertThat(checker.recheck(move, maintenance).reason()).contains("maintenance");
    var apart =
        cluster()
            .host("a", 0.9)
            .host("b", 0.1)
            .constraints(Constraints.none().withAntiAffinity(Set.of("a-vm0", "b-vm0")))
            .snapshot();
    assertThat(checker.recheck(move, apart).reason()).contains("anti-affinity");
  }

  @Test
  void aMoveOverTheMigrationLimitWaits() {
    var f =
        cluster()
            .host("a", 0.9)
            .host("b", 0.1, 0.1)
            .constraints(Constraints.none().withMaxMigrationsPerHost(1));
    f.replace(f.vmNamed("b-vm1").withMigrating(true));
    assertThat(checker.recheck(move, f.snapshot()).kind()).isEqualTo(Verdict.Kind.DEFER);
  }
}
