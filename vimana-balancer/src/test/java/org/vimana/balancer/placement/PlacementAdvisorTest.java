package org.vimana.balancer.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vimana.balancer.Fixtures.cluster;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vimana.balancer.snapshot.Constraints;

class PlacementAdvisorTest {

  @Test
  void spreadRanksTheLeastLoadedHostFirstAndSaysWhy() {
    var s = cluster().host("a", 0.9).host("b", 0.1).host("c", 0.5).snapshot();
    var advice =
        new PlacementAdvisor(PlacementAdvisor.Mode.SPREAD, 0.9)
            .advise(s, new VmRequest(1, 2048, 0.5, Set.of()));
    assertThat(advice.ranked()).extracting(Candidate::hostId).containsExactly("b", "c", "a");
    assertThat(advice.best().orElseThrow().reasons()).anyMatch(r -> r.startsWith("cpu 5%"));
  }

  @Test
  void packPrefersTheFullerHost() {
    var s = cluster().host("a", 0.9).host("b", 0.1).snapshot();
    var advice =
        new PlacementAdvisor(PlacementAdvisor.Mode.PACK, 0.9)
            .advise(s, new VmRequest(1, 1024, 0.2, Set.of()));
    assertThat(advice.best().orElseThrow().hostId()).isEqualTo("a");
  }

  @Test
  void hostsThatCannotTakeTheVmAreRejectedWithTheirReason() {
    var s =
        cluster()
            .host("m")
            .host("hot", 0.9, 0.9)
            .host("peer", 0.1)
            .host("ok")
            .offHost("off")
            .constraints(Constraints.none().withMaintenance(Set.of("m")))
            .snapshot();
    var advice =
        new PlacementAdvisor(PlacementAdvisor.Mode.SPREAD, 0.8)
            .advise(s, new VmRequest(1, 1024, 0.5, Set.of("peer-vm0")));
    assertThat(advice.ranked()).extracting(Candidate::hostId).containsExactly("ok");
    assertThat(advice.rejected())
        .containsEntry("m", "in maintenance")
        .containsEntry("off", "powered off")
        .containsEntry("peer", "runs peer-vm0 (anti-affinity)");
    assertThat(advice.rejected().get("hot")).contains("hot threshold");
    var big =
        new PlacementAdvisor(PlacementAdvisor.Mode.SPREAD, 0.8).advise(s, VmRequest.of(4, 1024));
    assertThat(big.ranked()).isEmpty();
    assertThat(big.rejected().get("ok")).contains("2 cores");
  }
}
