package org.vimana.balancer.strategy.consolidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vimana.balancer.cost.CopyOnceCostModel;
import org.vimana.balancer.power.PowerModels;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.snapshot.Constraints;
import org.vimana.balancer.snapshot.DemandHistory;
import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;
import org.vimana.balancer.state.WorkingState;

class DetectorsTest {

  /** One host of 2000 MIPS with one VM of 2000 MIPS whose history is {@code mostRecentFirst}. */
  private static WorkingState host(double demandNow, double... mostRecentFirst) {
    var host =
        new HostLoad(
            "h", 2, 1000, 8192, demandNow * 2000, PowerModels.HP_PROLIANT_ML110_G5, 62.5, true);
    var vm =
        new VmLoad(
            "v",
            "h",
            2,
            2000,
            1024,
            0,
            demandNow * 2000,
            DemandHistory.of(mostRecentFirst),
            0,
            false,
            VmLoad.NEVER);
    return new WorkingState(
        new ClusterSnapshot(0, 300, List.of(host), List.of(vm), Constraints.none()));
  }

  private static double[] flat(int n, double value) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, value);
    return out;
  }

  @Test
  void staticThresholdComparesDemandWithTheThreshold() {
    var thr = new StaticThreshold(0.8);
    assertThat(thr.overloaded(host(0.81, 0.81), 0)).isTrue();
    assertThat(thr.overloaded(host(0.79, 0.79), 0)).isFalse();
    assertThatThrownBy(() -> new StaticThreshold(1.5)).hasMessageContaining("(0, 1]");
  }

  @Test
  void iqrAndMadFallBackUntilTwelveSamplesThenTightenWithSpread() {
    var fallback = new StaticThreshold(0.7);
    var iqr = new InterQuartileRange(1.5, fallback);
    assertThat(iqr.overloaded(host(0.75, flat(11, 0.75)), 0)).isTrue(); // fallback 0.7
    double[] calm = flat(20, 0.75);
    assertThat(iqr.overloaded(host(0.75, calm), 0)).isFalse(); // IQR 0: threshold 1
    double[] jumpy = new double[20];
    for (int i = 0; i < 20; i++) {
      jumpy[i] = i % 2 == 0 ? 0.3 : 0.7;
    }
    // IQR 0.4 -> threshold 1 - 1.5 * 0.4 = 0.4
    assertThat(iqr.overloaded(host(0.45, jumpy), 0)).isTrue();
    var mad = new MedianAbsoluteDeviation(2.5, fallback);
    assertThat(Stats.mad(jumpy)).isCloseTo(0.2, within(1e-12));
    assertThat(mad.overloaded(host(0.55, jumpy), 0)).isTrue(); // 1 - 2.5 * 0.2 = 0.5
    assertThat(mad.overloaded(host(0.45, jumpy), 0)).isFalse();
  }

  @Test
  void localRegressionExtrapolatesARisingTrend() {
    var lr = new LocalRegression(1.2, new StaticThreshold(0.7), new CopyOnceCostModel(), false);
    double[] rising = new double[10];
    double[] falling = new double[10];
    for (int i = 0; i < 10; i++) {
      rising[i] = 0.8 - 0.04 * i; // most recent first: 0.8, 0.76, ...
      falling[i] = 0.5 + 0.03 * i;
    }
    assertThat(lr.overloaded(host(0.8, rising), 0)).isTrue(); // 0.84 * 1.2 >= 1
    assertThat(lr.overloaded(host(0.5, falling), 0)).isFalse();
    assertThat(lr.overloaded(host(0.75, flat(5, 0.75)), 0)).isTrue(); // short: fallback 0.7
    var lrr = new LocalRegression(1.2, new StaticThreshold(0.7), new CopyOnceCostModel(), true);
    double[] outlier = rising.clone();
    outlier[5] = 0.0;
    assertThat(lrr.overloaded(host(0.8, outlier), 0)).isTrue();
  }

  @Test
  void statisticsMatchTheirDefinitions() {
    assertThat(Stats.median(new double[] {3, 1, 2, 4})).isEqualTo(2.5);
    assertThat(Stats.iqr(new double[] {1, 2, 3, 4, 5, 6, 7})).isEqualTo(4);
    double[][] x = {{1, 2, 3, 4, 5}};
    assertThat(Stats.rSquared(x, new double[] {2, 4, 6, 8, 10})).isCloseTo(1, within(1e-9));
    assertThatThrownBy(() -> Stats.rSquared(x, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    // y = 2x exactly: an exact fit makes the covariance matrix singular; the QR route decides.
    assertThatThrownBy(() -> Stats.rSquaredEach(new double[][] {{1, 2, 3, 4, 5}, {2, 4, 6, 8, 10}}))
        .isInstanceOf(IllegalArgumentException.class);
    // Worked by hand: x = (1, 2, 3, 4), y = (1, 3, 2, 4); r = Sxy / sqrt(Sxx Syy) = 4 / 5.
    assertThat(Stats.rSquaredEach(new double[][] {{1, 2, 3, 4}, {1, 3, 2, 4}}))
        .containsExactly(new double[] {0.64, 0.64}, within(1e-12));
    // With a third series z = x + y, any one is a combination of the others: singular.
    assertThatThrownBy(
            () -> Stats.rSquaredEach(new double[][] {{1, 2, 3, 4}, {1, 3, 2, 4}, {2, 5, 5, 8}}))
        .isInstanceOf(IllegalArgumentException.class);
    // A constant series explains nothing and cannot be explained: singular too.
    assertThatThrownBy(() -> Stats.rSquaredEach(new double[][] {{1, 2, 3, 4}, {5, 5, 5, 5}}))
        .isInstanceOf(IllegalArgumentException.class);
    // Two regressors need more than two observations.
    assertThatThrownBy(() -> Stats.rSquaredEach(new double[][] {{1, 2}, {2, 1}, {3, 3}}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
