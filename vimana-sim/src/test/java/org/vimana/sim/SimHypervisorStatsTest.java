package org.vimana.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vimana.sim.Fixtures.spec;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.stats.HostStats;
import org.vimana.core.stats.VmStats;
import org.vimana.core.workload.Workload;
import org.vimana.sim.time.VirtualTimeScheduler;

class SimHypervisorStatsTest {
  private final VirtualTimeScheduler clock = new VirtualTimeScheduler();

  private SimHypervisor host(Map<String, String> options) throws HypervisorException {
    return Fixtures.host("h1", clock, new SimFabric(), options);
  }

  private void run(SimHypervisor h, String id) throws HypervisorException {
    h.start(id);
    clock.advanceBy(Duration.ofSeconds(2));
  }

  private static VmStats vm(HostStats s, String id) {
    return s.vms().stream().filter(v -> v.vmId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void halfOfTwoVcpusOnFourCoresIsAQuarterOfTheHost() throws HypervisorException {
    try (SimHypervisor h = host(Map.of("cores", "4", "memory", "16G"))) {
      h.define("vm-1", spec("web-1", 2, 4096, new Workload.Constant(0.5, 0.25)));
      run(h, "vm-1");

      HostStats s = h.stats();

      assertThat(s.at()).isEqualTo(clock.now());
      assertThat(s.cpuPercent()).isCloseTo(25.0, within(1.0)).isGreaterThan(25.0);
      assertThat(vm(s, "vm-1").cpuPercent()).isCloseTo(50.0, within(1e-9));
      assertThat(vm(s, "vm-1").memoryUsedMib()).isEqualTo(1024);
      assertThat(s.memoryUsedMib())
          .isEqualTo(1024 + HostModel.MEMORY_OVERHEAD_MIB + HostModel.MEMORY_OVERHEAD_MIB_PER_VM);
    }
  }

  @Test
  void anEmptyHostShowsOnlyTheHypervisorOverhead() throws HypervisorException {
    try (SimHypervisor h = host(Map.of())) {
      h.define("vm-1", spec("web-1"));

      HostStats s = h.stats();

      assertThat(s.vms()).isEmpty();
      assertThat(s.cpuPercent()).isEqualTo(HostModel.CPU_OVERHEAD_PERCENT);
      assertThat(s.memoryUsedMib()).isEqualTo(HostModel.MEMORY_OVERHEAD_MIB);
    }
  }

  @Test
  void cpuFollowsTheWorkloadAtSchedulerTimeSinceBoot() throws HypervisorException {
    try (SimHypervisor h = host(Map.of("cores", "8", "boot-seconds", "0"))) {
      h.define("vm-1", spec("web-1", 4, 2048, new Workload.Diurnal(0.5, 0.4, 100, 0, 0.5)));
      h.start("vm-1");
      clock.advanceBy(Duration.ZERO);

      assertThat(vm(h.stats(), "vm-1").cpuPercent()).isCloseTo(50.0, within(1e-6));
      clock.advanceBy(Duration.ofSeconds(25)); // a quarter period: the peak
      assertThat(vm(h.stats(), "vm-1").cpuPercent()).isCloseTo(90.0, within(1e-6));
      assertThat(h.stats().cpuPercent()).isCloseTo(45.0, within(1.0));
      clock.advanceBy(Duration.ofSeconds(50)); // three quarters: the trough
      assertThat(vm(h.stats(), "vm-1").cpuPercent()).isCloseTo(10.0, within(1e-6));
    }
  }

  @Test
  void hostCpuIsCappedAtOneHundredWhenOvercommitted() throws HypervisorException {
    try (SimHypervisor h = host(Map.of("cores", "2"))) {
      h.define("a", spec("a", 4, 1024, new Workload.Constant(1.0, 0.1)));
      run(h, "a");

      assertThat(h.stats().cpuPercent()).isEqualTo(100.0);
    }
  }

  @Test
  void pausedVmsHoldMemoryButUseNoCpuAndStoppedOnesAreNotListed() throws HypervisorException {
    try (SimHypervisor h = host(Map.of())) {
      h.define("a", spec("a", 2, 1024, new Workload.Constant(0.8, 0.5)));
      h.define("b", spec("b", 2, 1024, new Workload.Constant(0.8, 0.5)));
      run(h, "a");
      h.suspend("a");

      HostStats s = h.stats();

      assertThat(s.vms()).extracting(VmStats::vmId).containsExactly("a");
      assertThat(vm(s, "a").cpuPercent()).isZero();
      assertThat(vm(s, "a").memoryUsedMib()).isEqualTo(512);
    }
  }

  @Test
  void ioCountersGrowWithTimeAndMoreWithCpu() throws HypervisorException {
    try (SimHypervisor h = host(Map.of())) {
      h.define("busy", spec("busy", 2, 1024, new Workload.Constant(0.9, 0.5)));
      h.define("idle", spec("idle", 2, 1024, new Workload.Constant(0.0, 0.5)));
      run(h, "busy");
      run(h, "idle");
      VmStats busy1 = vm(h.stats(), "busy");
      VmStats idle1 = vm(h.stats(), "idle");

      clock.advanceBy(Duration.ofSeconds(60));
      VmStats busy2 = vm(h.stats(), "busy");
      VmStats idle2 = vm(h.stats(), "idle");

      for (VmStats[] pair : new VmStats[][] {{busy1, busy2}, {idle1, idle2}}) {
        assertThat(pair[1].netRxBytes()).isGreaterThan(pair[0].netRxBytes());
        assertThat(pair[1].netTxBytes()).isGreaterThan(pair[0].netTxBytes());
        assertThat(pair[1].diskReadBytes()).isGreaterThan(pair[0].diskReadBytes());
        assertThat(pair[1].diskWriteBytes()).isGreaterThan(pair[0].diskWriteBytes());
      }
      // 1.82 busy vCPUs against 0.02: the busy VM moves far more bytes, whatever its I/O mix.
      assertThat(busy2.netRxBytes() - busy1.netRxBytes())
          .isGreaterThan(10 * (idle2.netRxBytes() - idle1.netRxBytes()));
      assertThat(busy2.netRxBytes() - busy1.netRxBytes()).isGreaterThan(60L * 2_000_000);
    }
  }

  @Test
  void countersRestartFromZeroOnAFreshBootButNotOnReboot() throws HypervisorException {
    try (SimHypervisor h = host(Map.of())) {
      h.define("a", spec("a", 2, 1024, new Workload.Constant(0.5, 0.5)));
      run(h, "a");
      clock.advanceBy(Duration.ofSeconds(30));
      long before = vm(h.stats(), "a").diskWriteBytes();

      h.reboot("a");
      clock.advanceBy(Duration.ofSeconds(2));
      assertThat(vm(h.stats(), "a").diskWriteBytes()).isGreaterThan(before);

      h.destroy("a");
      run(h, "a");
      assertThat(vm(h.stats(), "a").diskWriteBytes()).isLessThan(before);
    }
  }

  @Test
  void twoIdenticalHostsReportIdenticalFigures() throws HypervisorException {
    try (SimHypervisor a = host(Map.of("seed", "7"));
        SimHypervisor b = Fixtures.host("h2", clock, new SimFabric(), Map.of("seed", "7"))) {
      for (SimHypervisor h : new SimHypervisor[] {a, b}) {
        h.define("vm-1", spec("web-1", 2, 1024, new Workload.Bursty(0.1, 0.9, 0.3, 5, 42, 0.4)));
        h.start("vm-1");
      }
      for (int i = 0; i < 20; i++) {
        clock.advanceBy(Duration.ofSeconds(3));
        assertThat(b.stats().vms()).isEqualTo(a.stats().vms());
      }
    }
  }
}
