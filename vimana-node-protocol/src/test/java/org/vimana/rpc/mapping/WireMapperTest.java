package org.vimana.rpc.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vimana.core.event.VmEvent;
import org.vimana.core.event.VmEventType;
import org.vimana.core.host.HostCapacity;
import org.vimana.core.host.HostInfo;
import org.vimana.core.stats.HostStats;
import org.vimana.core.stats.VmStats;
import org.vimana.core.vm.VmAction;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;
import org.vimana.core.workload.Workload;
import org.vimana.rpc.VmSpecMsg;
import org.vimana.rpc.VmStateMsg;

class WireMapperTest {
  @Test
  void everyWorkloadKindRoundTrips() {
    List<Workload> all =
        List.of(
            new Workload.Constant(0.3, 0.4),
            new Workload.Diurnal(0.4, 0.3, 600, 17, 0.5),
            new Workload.Bursty(0.1, 0.9, 0.05, 30, 7, 0.2),
            new Workload.Trace(List.of(0.1, 0.2, 0.3), 300, 0.6));
    for (Workload w : all) {
      assertThat(WireMapper.fromWire(WireMapper.toWire(w))).isEqualTo(w);
    }
  }

  @Test
  void vmStatusHostInfoEventAndStatsRoundTrip() {
    VmSpec spec = new VmSpec("web-1", 2, 2048, 20, "debian", null, Map.of("tier", "web"));
    VmStatus status = new VmStatus("id-1", spec, VmState.RUNNING, 3);
    assertThat(WireMapper.fromWire(WireMapper.toWire(status))).isEqualTo(status);

    HostInfo host = new HostInfo("h1", "sim", "sim 1", new HostCapacity(8, 2600, 32768, 500), "x");
    assertThat(WireMapper.fromWire(WireMapper.toWire(host))).isEqualTo(host);

    VmEvent ev =
        new VmEvent("id-1", VmEventType.STARTED, VmState.RUNNING, Instant.ofEpochMilli(5), "ok");
    assertThat(WireMapper.fromWire(WireMapper.toWire(ev))).isEqualTo(ev);

    HostStats stats =
        new HostStats(
            Instant.ofEpochMilli(9), 42.5, 1000, List.of(new VmStats("id-1", 50, 512, 1, 2, 3, 4)));
    assertThat(WireMapper.fromWire(WireMapper.toWire(stats))).isEqualTo(stats);
  }

  @Test
  void everyActionButMigrateRoundTrips() {
    for (VmAction a : VmAction.values()) {
      if (a != VmAction.MIGRATE) {
        assertThat(WireMapper.fromWire(WireMapper.toWire(a))).isEqualTo(a);
      }
    }
  }

  @Test
  void malformedWireSpecIsRefusedNamingTheField() {
    VmSpecMsg bad = VmSpecMsg.newBuilder().setName("x").setVcpus(0).setMemoryMib(1).build();
    assertThatThrownBy(() -> WireMapper.fromWire(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vcpus");
    assertThatThrownBy(() -> WireMapper.fromWire(VmStateMsg.VM_STATE_UNSPECIFIED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
