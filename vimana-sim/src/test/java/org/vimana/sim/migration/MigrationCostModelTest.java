package org.vimana.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MigrationCostModelTest {
  private static final Duration MAX_DOWNTIME = Duration.ofMillis(300);

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  @Test
  void fourGibAtOneGibPerSecondWithLowDirtyRateTakesAboutFourSecondsPlusRounds() {
    MigrationEstimate e = new MigrationCostModel(1000, 0.02, MAX_DOWNTIME).estimate(4096);

    // Round 1 sends 4096 MiB in 4.096 s while 0.02 * 4096 * 4.096 = 335.5 MiB get dirty; 0.336 s
    // to resend exceeds 300 ms, so round 2 resends them while 27.5 MiB get dirty: 27 ms, stop.
    assertThat(e.rounds()).isEqualTo(2);
    assertThat(e.converged()).isTrue();
    double r1 = 4096 * 0.02 * 4.096;
    double r2 = 4096 * 0.02 * (r1 / 1000);
    assertThat(seconds(e.total())).isCloseTo(4.096 + r1 / 1000 + r2 / 1000, within(1e-6));
    assertThat(seconds(e.downtime())).isCloseTo(r2 / 1000, within(1e-6));
    assertThat(e.downtime()).isLessThanOrEqualTo(MAX_DOWNTIME);
    assertThat(e.transferredMib()).isCloseTo(4096 + r1 + r2, within(1e-6));
    assertThat(e.totalMillis()).isEqualTo(4460);
    assertThat(e.downtimeMillis()).isEqualTo(28);
  }

  @Test
  void aGuestThatDirtiesNothingNeedsOneRoundAndNoDowntime() {
    MigrationEstimate e = new MigrationCostModel(500, 0, MAX_DOWNTIME).estimate(2048);

    assertThat(e.rounds()).isEqualTo(1);
    assertThat(e.downtime()).isZero();
    assertThat(seconds(e.total())).isCloseTo(4.096, within(1e-9));
    assertThat(e.transferredMib()).isEqualTo(2048);
  }

  @Test
  void moreDirtyingMeansMoreRoundsAndMoreTraffic() {
    MigrationEstimate calm = new MigrationCostModel(1000, 0.01, MAX_DOWNTIME).estimate(8192);
    MigrationEstimate busy = new MigrationCostModel(1000, 0.1, MAX_DOWNTIME).estimate(8192);

    assertThat(busy.rounds()).isGreaterThan(calm.rounds());
    assertThat(busy.total()).isGreaterThan(calm.total());
    assertThat(busy.transferredMib()).isGreaterThan(calm.transferredMib());
    assertThat(busy.converged()).isTrue();
    assertThat(busy.downtime()).isLessThanOrEqualTo(MAX_DOWNTIME);
  }

  @Test
  void aGuestDirtyingFasterThanTheLinkIsForcedToStopAfterTheRoundLimit() {
    // 0.5 * 4096 = 2048 MiB/s dirtied against 1000 MiB/s: the dirty set never shrinks.
    MigrationEstimate e = new MigrationCostModel(1000, 0.5, MAX_DOWNTIME, 5).estimate(4096);

    assertThat(e.converged()).isFalse();
    assertThat(e.rounds()).isEqualTo(5);
    assertThat(e.downtime()).isGreaterThan(MAX_DOWNTIME);
    assertThat(seconds(e.downtime())).isCloseTo(4.096, within(1e-6)); // all memory is dirty
    assertThat(e.transferredMib()).isCloseTo(6 * 4096, within(1e-6));
  }

  @Test
  void aLargerDowntimeBudgetStopsEarlier() {
    MigrationCostModel strict = new MigrationCostModel(1000, 0.05, Duration.ofMillis(10));
    MigrationCostModel lenient = new MigrationCostModel(1000, 0.05, Duration.ofSeconds(2));

    assertThat(lenient.estimate(4096).rounds()).isLessThan(strict.estimate(4096).rounds());
    assertThat(strict.estimate(4096).downtime()).isLessThanOrEqualTo(Duration.ofMillis(10));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new MigrationCostModel(0, 0.1, MAX_DOWNTIME))
        .hasMessageContaining("bandwidthMibPerSecond");
    assertThatThrownBy(() -> new MigrationCostModel(100, 1.5, MAX_DOWNTIME))
        .hasMessageContaining("dirtyRatePerSecond");
    assertThatThrownBy(() -> new MigrationCostModel(100, 0.1, Duration.ZERO))
        .hasMessageContaining("maxDowntime");
    assertThatThrownBy(() -> new MigrationCostModel(100, 0.1, MAX_DOWNTIME, 0))
        .hasMessageContaining("maxRounds");
    assertThatThrownBy(() -> new MigrationCostModel(100, 0.1, MAX_DOWNTIME).estimate(0))
        .hasMessageContaining("memoryMib");
  }
}
