package org.vimana.manager.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vimana.core.stats.HostStats;
import org.vimana.core.stats.VmStats;
import org.vimana.manager.node.HostLive;

class DemandRecorderTest {
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  private static HostStats sample(Instant at, String vm, double cpu) {
    return new HostStats(at, cpu, 0, List.of(new VmStats(vm, cpu, 100, 0, 0, 0, 0)));
  }

  @Test
  void keepsTheLastSamplesMostRecentFirstAndTakesEachHostSampleOnce() {
    DemandRecorder r = new DemandRecorder(Clock.fixed(T0, ZoneOffset.UTC), 3, Duration.ofHours(1));
    for (int i = 1; i <= 5; i++) {
      r.record("h", sample(T0.plusSeconds(i), "vm", 10 * i));
    }
    r.record("h", sample(T0.plusSeconds(5), "vm", 99)); // the same sample again: ignored
    r.record("h", sample(T0.plusSeconds(4), "vm", 99)); // an older one: ignored
    assertThat(r.cpu("vm").toArray()).containsExactly(0.5, 0.4, 0.3);
    assertThat(r.memoryUsedMib("vm")).hasValue(100);
    assertThat(r.cpu("other").size()).isZero();
  }

  @Test
  void aVmKeepsItsHistoryAcrossHostsAndIsForgottenWhenNoHostReportsIt() {
    Instant[] now = {T0};
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    DemandRecorder r = new DemandRecorder(clock, 10, Duration.ofMinutes(10));
    r.sample(Map.of("a", new HostLive("a", null, T0, sample(T0, "vm", 20), Map.of(), false)));
    r.sample(
        Map.of(
            "b",
            new HostLive("b", null, T0, sample(T0.plusSeconds(1), "vm", 60), Map.of(), false)));
    assertThat(r.cpu("vm").toArray()).containsExactly(0.6, 0.2);
    now[0] = T0.plus(Duration.ofMinutes(11));
    r.sample(Map.of());
    assertThat(r.size()).isZero();
  }
}
