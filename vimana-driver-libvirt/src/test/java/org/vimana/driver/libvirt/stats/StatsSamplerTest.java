package org.vimana.driver.libvirt.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vimana.core.stats.HostStats;
import org.vimana.core.stats.VmStats;

class StatsSamplerTest {
  private static final long SECOND = 1_000_000_000L;

  private static StatsConnect.DomainRecord vm(double cpuNanos) {
    return new StatsConnect.DomainRecord(
        "vm-1",
        Map.of(
            "cpu.time", cpuNanos,
            "vcpu.current", 2.0,
            "balloon.rss", 65536.0,
            "net.count", 2.0,
            "net.0.rx.bytes", 10.0,
            "net.1.rx.bytes", 5.0,
            "block.count", 1.0,
            "block.0.wr.bytes", 700.0));
  }

  @Test
  void cpuPercentComesFromDeltasBetweenSamples() {
    StatsSampler s = new StatsSampler(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    HostStats first =
        s.sample(
            SECOND, List.of(vm(0)), true, Map.of("user", 100L, "kernel", 0L, "idle", 300L), 512);
    assertThat(first.vms().get(0).cpuPercent()).isZero();
    assertThat(first.cpuPercent()).isEqualTo(25.0);

    // 1 s later the VM used 1 s of CPU on 2 vCPUs: 50 %; the host was busy 60 of 100 units.
    HostStats second =
        s.sample(
            2 * SECOND,
            List.of(vm(SECOND)),
            true,
            Map.of("user", 150L, "kernel", 10L, "idle", 340L),
            512);
    VmStats v = second.vms().get(0);
    assertThat(v.cpuPercent()).isEqualTo(50.0);
    assertThat(second.cpuPercent()).isEqualTo(60.0);
    assertThat(v.memoryUsedMib()).isEqualTo(64);
    assertThat(v.netRxBytes()).isEqualTo(15);
    assertThat(v.diskWriteBytes()).isEqualTo(700);
    assertThat(second.memoryUsedMib()).isEqualTo(512);
  }

  @Test
  void unknownHostCpuIsZero() {
    StatsSampler s = new StatsSampler(Clock.systemUTC());
    assertThat(s.sample(SECOND, List.of(), true, Map.of(), 0).cpuPercent()).isZero();
  }

  private static StatsConnect.DomainRecord cheap(String uuid, double cpuNanos) {
    return new StatsConnect.DomainRecord(uuid, Map.of("cpu.time", cpuNanos, "vcpu.current", 1.0));
  }

  @Test
  void memoryAndDiskAreAskedForEverySixthSampleAndCarriedInBetween() {
    StatsSampler s = new StatsSampler(Clock.systemUTC());
    assertThat(s.detailDue()).as("the first sample").isTrue();
    s.sample(SECOND, List.of(vm(0)), true, Map.of(), 0);
    for (int i = 1; i < StatsSampler.DETAIL_EVERY; i++) {
      assertThat(s.detailDue()).as("sample " + i).isFalse();
      VmStats v =
          s.sample(
                  (i + 1) * SECOND, List.of(cheap("vm-1", (double) i * SECOND)), false, Map.of(), 0)
              .vms()
              .get(0);
      assertThat(v.cpuPercent()).isEqualTo(100.0);
      assertThat(v.memoryUsedMib()).as("carried").isEqualTo(64);
      assertThat(v.diskWriteBytes()).as("carried").isEqualTo(700);
    }
    assertThat(s.detailDue()).as("the sixth sample").isTrue();
  }

  @Test
  void aNewVmSeenWithoutDetailMakesTheNextSampleDetailed() {
    StatsSampler s = new StatsSampler(Clock.systemUTC());
    s.sample(SECOND, List.of(vm(0)), true, Map.of(), 0);
    HostStats withNewcomer =
        s.sample(2 * SECOND, List.of(cheap("vm-1", 0), cheap("vm-2", 0)), false, Map.of(), 0);
    assertThat(withNewcomer.vms())
        .filteredOn(v -> v.vmId().equals("vm-2"))
        .singleElement()
        .satisfies(v -> assertThat(v.memoryUsedMib()).isZero());
    assertThat(s.detailDue()).isTrue();
    s.sample(3 * SECOND, List.of(vm(0)), true, Map.of(), 0);
    assertThat(s.detailDue()).isFalse();
  }
}
