package org.vimana.balancer.strategy.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vimana.balancer.cost.CopyOnceCostModel;
import org.vimana.balancer.power.PowerModels;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.snapshot.Constraints;
import org.vimana.balancer.snapshot.DemandHistory;
import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;
import org.vimana.balancer.state.WorkingState;

class SelectorsTest {

  private static VmLoad vm(String id, long memory, double demand, double... history) {
    return new VmLoad(
        id,
        "h",
        1,
        1000,
        memory,
        0,
        demand * 1000,
        DemandHistory.of(history),
        0,
        false,
        VmLoad.NEVER);
  }

  private static WorkingState state(VmLoad... vms) {
    var host = new HostLoad("h", 4, 1000, 8192, 0, PowerModels.HP_PROLIANT_ML110_G5, 62.5, true);
    return new WorkingState(
        new ClusterSnapshot(0, 300, List.of(host), List.of(vms), Constraints.none()));
  }

  @Test
  void mmtPicksTheSmallestMemoryAndMuTheLeastUtilised() {
    var s = state(vm("big", 1740, 0.1, 0.1), vm("small", 613, 0.9, 0.9), vm("mid", 870, 0.5, 0.5));
    assertThat(
            s.vm(
                    new MinimumMigrationTime(new CopyOnceCostModel())
                        .select(s, 0, v -> true, new Random(1)))
                .id())
        .isEqualTo("small");
    assertThat(s.vm(new MinimumUtilisation().select(s, 0, v -> true, new Random(1))).id())
        .isEqualTo("big");
    assertThat(new MinimumUtilisation().select(s, 0, v -> false, new Random(1))).isEqualTo(-1);
  }

  @Test
  void mcPicksTheVmMostExplainedByTheOthers() {
    double[] a = {0.1, 0.5, 0.2, 0.8, 0.3, 0.9, 0.4, 0.6};
    double[] b = new double[a.length];
    double[] noise = {0.5, 0.1, 0.9, 0.2, 0.7, 0.3, 0.2, 0.8};
    for (int i = 0; i < a.length; i++) {
      b[i] = 2 * a[i] + 0.05;
    }
    var s = state(vm("noise", 870, 0.5, noise), vm("a", 870, 0.5, a), vm("b", 1740, 0.5, b));
    int chosen =
        new MaximumCorrelation(new MinimumMigrationTime(new CopyOnceCostModel()))
            .select(s, 0, v -> true, new Random(1));
    assertThat(s.vm(chosen).id()).isIn("a", "b");
    var single = state(vm("only", 870, 0.5, 0.5, 0.4));
    assertThat(
            new MaximumCorrelation(new MinimumUtilisation())
                .select(single, 0, v -> true, new Random(1)))
        .isZero(); // fallback
  }

  @Test
  void randomSelectionIsReproducibleForASeed() {
    var s = state(vm("a", 870, 0.5, 0.5), vm("b", 870, 0.5, 0.5), vm("c", 870, 0.5, 0.5));
    var rs = new RandomSelection();
    assertThat(rs.select(s, 0, v -> true, new Random(42)))
        .isEqualTo(rs.select(s, 0, v -> true, new Random(42)));
  }
}
