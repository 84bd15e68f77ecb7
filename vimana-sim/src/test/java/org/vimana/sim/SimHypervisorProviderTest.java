package org.vimana.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorProvider;
import org.vimana.core.event.VmEvent;
import org.vimana.core.event.VmEventType;
import org.vimana.core.vm.VmState;

class SimHypervisorProviderTest {

  private static HypervisorProvider sim() {
    return ServiceLoader.load(HypervisorProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("sim"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void isFoundByServiceLoaderAndOpensHostsWithTheirOptions() throws Exception {
    try (Hypervisor h = sim().open("provider-host-1", Map.of("cores", "4", "memory", "8G"))) {
      assertThat(h.host().capacity().cpuCores()).isEqualTo(4);
      assertThat(h.host().capacity().memoryMib()).isEqualTo(8192);
      assertThat(h.migrator()).isPresent();
      assertThat(SimFabric.shared().host("provider-host-1")).containsSame((SimHypervisor) h);
    }
    assertThat(SimFabric.shared().host("provider-host-1")).isEmpty();
  }

  @Test
  void badOptionsAreRefusedBeforeAnythingStarts() {
    assertThatThrownBy(() -> sim().open("provider-host-2", Map.of("cores", "-4")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cores")
        .hasMessageContaining("-4");
    assertThat(SimFabric.shared().host("provider-host-2")).isEmpty();
  }

  @Test
  void runsInRealTime() throws Exception {
    BlockingQueue<VmEvent> events = new LinkedBlockingQueue<>();
    try (Hypervisor h = sim().open("provider-host-3", Map.of("boot-seconds", "0.05"))) {
      h.addListener(events::add);
      h.define("vm-1", Fixtures.spec("web-1"));
      long t0 = System.nanoTime();
      h.start("vm-1");

      VmEvent started = null;
      while (started == null || started.type() != VmEventType.STARTED) {
        started = events.poll(5, TimeUnit.SECONDS);
        assertThat(started).as("STARTED within 5 s").isNotNull();
      }

      assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
      assertThat(h.find("vm-1").orElseThrow().state()).isEqualTo(VmState.RUNNING);
      assertThat(h.stats().vms()).hasSize(1);
    }
  }
}
