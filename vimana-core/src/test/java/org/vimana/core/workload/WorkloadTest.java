package org.vimana.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadTest {
  @Test
  void traceInterpolatesBetweenSamplesAndWraps() {
    Workload.Trace t = new Workload.Trace(List.of(0.0, 1.0), 300, 0.5);
    assertThat(t.cpuAt(0)).isEqualTo(0.0);
    assertThat(t.cpuAt(150)).isCloseTo(0.5, within(1e-9));
    assertThat(t.cpuAt(300)).isEqualTo(1.0);
    assertThat(t.cpuAt(450)).isCloseTo(0.5, within(1e-9));
    assertThat(t.cpuAt(600)).isEqualTo(0.0);
  }

  @Test
  void diurnalPeaksAtAQuarterPeriodAndStaysInRange() {
    Workload.Diurnal d = new Workload.Diurnal(0.5, 0.6, 100, 0, 0.3);
    assertThat(d.cpuAt(25)).isEqualTo(1.0);
    assertThat(d.cpuAt(75)).isEqualTo(0.0);
  }

  @Test
  void burstyIsDeterministicAndHitsRoughlyItsProbability() {
    Workload.Bursty b = new Workload.Bursty(0.1, 0.9, 0.2, 10, 42, 0.3);
    int bursts = 0;
    for (int slot = 0; slot < 10_000; slot++) {
      double v = b.cpuAt(slot * 10 + 5);
      assertThat(v).isEqualTo(b.cpuAt(slot * 10 + 1));
      if (v == 0.9) {
        bursts++;
      }
    }
    assertThat(bursts).isBetween(1800, 2200);
  }

  @Test
  void outOfRangeFractionIsRefusedWithItsName() {
    assertThatThrownBy(() -> new Workload.Constant(1.5, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cpu must be between 0 and 1");
  }
}
