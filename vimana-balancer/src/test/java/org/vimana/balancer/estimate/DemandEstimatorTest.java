package org.vimana.balancer.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vimana.balancer.snapshot.DemandHistory;
import org.vimana.balancer.snapshot.VmLoad;

class DemandEstimatorTest {

  /** A 2000-MIPS VM whose demand now is {@code history[0]}. */
  private static VmLoad vm(double... history) {
    double now = history.length == 0 ? 0.3 : history[0];
    return VmLoad.of("v", "h", 2, 2000, 1024, now).withHistory(DemandHistory.of(history));
  }

  @Test
  void ewmaHalvesTheWeightEveryHalfLifeAndIsNormalisedOverTheSamplesThereAre() {
    // weights 1 and 1/2: (1 x 0.9 + 0.5 x 0.3) / 1.5
    assertThat(new Ewma(1).fraction(vm(0.9, 0.3))).isCloseTo(0.7, within(1e-12));
    // a short constant history is its level, not pulled towards zero by missing samples
    assertThat(new Ewma(6).fraction(vm(0.4, 0.4))).isCloseTo(0.4, within(1e-12));
    assertThat(new Ewma(6).mips(vm(0.4, 0.4))).isCloseTo(800, within(1e-9));
  }

  @Test
  void ewmaOfASpikeStaysNearTheUsualLevelWhileTheLastSampleIsTheSpike() {
    double[] h = new double[12];
    java.util.Arrays.fill(h, 0.1);
    h[0] = 0.9;
    assertThat(new Ewma(6).fraction(vm(h))).isBetween(0.1, 0.25);
    assertThat(DemandEstimator.LAST.fraction(vm(h))).isEqualTo(0.9);
  }

  @Test
  void aVmWithoutHistoryIsEstimatedAtItsDemandNow() {
    assertThat(new Ewma(6).fraction(vm())).isEqualTo(0.3);
    assertThat(new RecentPercentile(90, 12).fraction(vm())).isEqualTo(0.3);
  }

  @Test
  void percentileInterpolatesBetweenOrderStatisticsOfTheRecentWindow() {
    VmLoad v = vm(0.5, 0.1, 0.4, 0.2, 0.3);
    assertThat(new RecentPercentile(50, 12).fraction(v)).isCloseTo(0.3, within(1e-12));
    // rank 0.8 x 4 = 3.2: 0.4 + 0.2 x (0.5 - 0.4)
    assertThat(new RecentPercentile(80, 12).fraction(v)).isCloseTo(0.42, within(1e-12));
    // only the two most recent samples, 0.5 and 0.1
    assertThat(new RecentPercentile(0, 2).fraction(v)).isCloseTo(0.1, within(1e-12));
    assertThat(new RecentPercentile(100, 2).fraction(v)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void specsAreReadAndBadOnesRefusedWithTheirName() {
    assertThat(DemandEstimator.parse("last")).isSameAs(DemandEstimator.LAST);
    assertThat(DemandEstimator.parse("EWMA6")).isEqualTo(new Ewma(6));
    assertThat(DemandEstimator.parse("p80")).isEqualTo(new RecentPercentile(80, 12));
    assertThat(new Ewma(6).name()).isEqualTo("ewma6");
    assertThat(new Ewma(2.5).name()).isEqualTo("ewma2.5");
    assertThat(new RecentPercentile(80, 12).name()).isEqualTo("p80");
    assertThatThrownBy(() -> DemandEstimator.parse("ewmax")).hasMessageContaining("'ewmax'");
    assertThatThrownBy(() -> DemandEstimator.parse("mean")).hasMessageContaining("'mean'");
    assertThatThrownBy(() -> DemandEstimator.parse("ewma0")).hasMessageContaining("half-life");
    assertThatThrownBy(() -> DemandEstimator.parse("p101")).hasMessageContaining("0..100");
  }
}
