package org.vimana.balancer.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vimana.balancer.Fixtures.cluster;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vimana.balancer.Fixtures;

class ClusterSnapshotTest {

  @Test
  void indexesHostsAndVmsInArrivalOrder() {
    var s = cluster().host("a", 0.1, 0.2).host("b").snapshot();
    assertThat(s.vmsOn(s.hostIndex("a"))).containsExactly(0, 1);
    assertThat(s.vmCountOn(s.hostIndex("b"))).isZero();
    assertThat(s.findVm("a-vm1").orElseThrow().hostId()).isEqualTo("a");
    assertThat(s.hostIndex("zz")).isEqualTo(-1);
  }

  @Test
  void refusesInconsistentInput() {
    var host = cluster().host("a").snapshot().host(0);
    assertThatThrownBy(
            () ->
                new ClusterSnapshot(
                    0,
                    300,
                    List.of(host),
                    List.of(Fixtures.vm("v", "nowhere", 0.1)),
                    Constraints.none()))
        .hasMessageContaining("unknown host nowhere");
    assertThatThrownBy(
            () -> new ClusterSnapshot(0, 300, List.of(host, host), List.of(), Constraints.none()))
        .hasMessageContaining("duplicate host");
    assertThatThrownBy(
            () ->
                cluster()
                    .host("a")
                    .constraints(Constraints.none().withMaintenance(Set.of("x")))
                    .snapshot())
        .hasMessageContaining("maintenance host x");
    assertThatThrownBy(() -> Constraints.none().withAffinity(Set.of("solo")))
        .hasMessageContaining("at least 2");
  }

  @Test
  void historiesAreImmutableWindows() {
    double[] data = {0.5, 0.4, 0.3, 0.2};
    var h = DemandHistory.window(data, 1, 2);
    assertThat(h.toArray()).containsExactly(0.4, 0.3);
    assertThat(h.recentMean(5)).isEqualTo(0.35);
    assertThat(h).isEqualTo(DemandHistory.of(0.4, 0.3));
    assertThatThrownBy(() -> DemandHistory.of(-1)).hasMessageContaining(">= 0");
  }
}
