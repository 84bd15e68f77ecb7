package org.vimana.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vimana.sim.Fixtures.assertRefused;
import static org.vimana.sim.Fixtures.spec;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.event.VmEvent;
import org.vimana.core.event.VmEventType;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;
import org.vimana.sim.time.VirtualTimeScheduler;

class SimHypervisorLifecycleTest {
  private final VirtualTimeScheduler clock = new VirtualTimeScheduler();
  private final Fixtures.Events events = new Fixtures.Events();
  private SimHypervisor host;

  @BeforeEach
  void open() throws HypervisorException {
    host = Fixtures.host("h1", clock, new SimFabric(), Map.of("memory", "8G", "cores", "4"));
    host.addListener(events);
  }

  @AfterEach
  void close() {
    host.close();
  }

  private VmState state(String id) throws HypervisorException {
    return host.find(id).orElseThrow().state();
  }

  private void running(String id) throws HypervisorException {
    host.start(id);
    clock.advanceBy(Duration.ofSeconds(2));
    assertThat(state(id)).isEqualTo(VmState.RUNNING);
  }

  @Test
  void describesItsHost() {
    assertThat(host.host().name()).isEqualTo("h1");
    assertThat(host.host().driver()).isEqualTo("sim");
    assertThat(host.host().capacity().cpuCores()).isEqualTo(4);
    assertThat(host.host().capacity().memoryMib()).isEqualTo(8192);
    assertThat(host.host().cpuModel()).isEqualTo("sim-x86-64-v3");
    assertThat(host.uri()).isEqualTo("sim://h1");
  }

  @Test
  void defineListsTheVmAsDefined() throws HypervisorException {
    VmStatus s = host.define("vm-1", spec("web-1"));

    assertThat(s.state()).isEqualTo(VmState.DEFINED);
    assertThat(s.bootCount()).isZero();
    assertThat(host.list()).containsExactly(s);
    assertThat(host.find("nope")).isEmpty();
    assertThat(events.all()).extracting(VmEvent::type).containsExactly(VmEventType.DEFINED);
  }

  @Test
  void defineRefusesDuplicateIdsAndNames() throws HypervisorException {
    host.define("vm-1", spec("web-1"));

    assertRefused(() -> host.define("vm-1", spec("web-2")), Reason.ALREADY_EXISTS)
        .hasMessageContaining("vm-1");
    assertRefused(() -> host.define("vm-2", spec("web-1")), Reason.ALREADY_EXISTS)
        .hasMessageContaining("web-1");
    assertThatThrownBy(() -> host.define(" ", spec("web-3")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(host.list()).hasSize(1);
  }

  @Test
  void startBootsForBootSecondsThenRuns() throws HypervisorException {
    host.define("vm-1", spec("web-1"));
    host.start("vm-1");

    assertThat(host.find("vm-1").orElseThrow())
        .extracting(VmStatus::state, VmStatus::bootCount)
        .containsExactly(VmState.STARTING, 1L);
    clock.advanceBy(Duration.ofMillis(1999));
    assertThat(state("vm-1")).isEqualTo(VmState.STARTING);
    clock.advanceBy(Duration.ofMillis(1));
    assertThat(state("vm-1")).isEqualTo(VmState.RUNNING);

    assertThat(events.all())
        .extracting(VmEvent::type, VmEvent::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(VmEventType.DEFINED, VmState.DEFINED),
            org.assertj.core.groups.Tuple.tuple(VmEventType.STATE_CHANGED, VmState.STARTING),
            org.assertj.core.groups.Tuple.tuple(VmEventType.STARTED, VmState.RUNNING));
    assertThat(events.all().get(2).at()).isEqualTo(events.all().get(1).at().plusSeconds(2));
  }

  @Test
  void suspendAndResume() throws HypervisorException {
    host.define("vm-1", spec("web-1"));
    running("vm-1");

    host.suspend("vm-1");
    assertThat(state("vm-1")).isEqualTo(VmState.PAUSED);
    host.resume("vm-1");
    assertThat(state("vm-1")).isEqualTo(VmState.RUNNING);
    assertThat(events.all())
        .extracting(VmEvent::type)
        .endsWith(VmEventType.SUSPENDED, VmEventType.RESUMED);
  }

  @Test
  void rebootBootsAgainAndCountsTheBoot() throws HypervisorException {
    host.define("vm-1", spec("web-1"));
    running("vm-1");

    host.reboot("vm-1");
    assertThat(host.find("vm-1").orElseThrow())
        .extracting(VmStatus::state, VmStatus::bootCount)
        .containsExactly(VmState.STARTING, 2L);
    clock.advanceBy(Duration.ofSeconds(2));
    assertThat(state("vm-1")).isEqualTo(VmState.RUNNING);
    assertThat(events.all()).extracting(VmEvent::type).endsWith(VmEventType.REBOOTED);
  }

  @Test
  void shutdownTakesShutdownSecondsThenStopsAndTheVmCanStartAgain() throws HypervisorException {
    host.define("vm-1", spec("web-1"));
    running("vm-1");

    host.shutdown("vm-1");
    assertThat(state("vm-1")).isEqualTo(VmState.SHUTTING_DOWN);
    clock.advanceBy(Duration.ofSeconds(1));
    assertThat(state("vm-1")).isEqualTo(VmState.STOPPED);
    assertThat(events.all())
        .extracting(VmEvent::type)
        .endsWith(VmEventType.SHUTDOWN, VmEventType.STOPPED);

    running("vm-1");
    assertThat(host.find("vm-1").orElseThrow().bootCount()).isEqualTo(2);
  }

  @Test
  void destroyWhileStartingCancelsTheBoot() throws HypervisorException {
    host.define("vm-1", spec("web-1"));
    host.start("vm-1");

    host.destroy("vm-1");
    clock.advanceBy(Duration.ofSeconds(10));

    assertThat(state("vm-1")).isEqualTo(VmState.STOPPED);
    assertThat(events.all()).extracting(VmEvent::type).doesNotContain(VmEventType.STARTED);
    assertThat(clock.pending()).isZero();
  }

  @Test
  void destroyDuringShutdownStopsAtOnce() throws HypervisorException {
    host.define("vm-1", spec("web-1"));
    running("vm-1");
    host.shutdown("vm-1");
    events.clear();

    host.destroy("vm-1");
    clock.advanceBy(Duration.ofSeconds(5));

    assertThat(state("vm-1")).isEqualTo(VmState.STOPPED);
    assertThat(events.all()).extracting(VmEvent::type).containsExactly(VmEventType.STOPPED);
  }

  @Test
  void crashedVmCanBeStartedOrPoweredOff() throws HypervisorException {
    host.define("vm-1", spec("web-1"));
    running("vm-1");

    host.crash("vm-1", "kernel panic");
    assertThat(state("vm-1")).isEqualTo(VmState.CRASHED);
    assertThat(events.all().get(events.all().size() - 1))
        .extracting(VmEvent::type, VmEvent::message)
        .containsExactly(VmEventType.CRASHED, "kernel panic");
    running("vm-1");
    host.crash("vm-1", "again");
    host.destroy("vm-1");
    assertThat(state("vm-1")).isEqualTo(VmState.STOPPED);
    assertRefused(() -> host.crash("vm-1", "stopped"), Reason.INVALID_STATE);
  }

  @Test
  void undefineRemovesStoppedVmsOnly() throws HypervisorException {
    host.define("vm-1", spec("web-1"));
    running("vm-1");

    assertRefused(() -> host.undefine("vm-1"), Reason.INVALID_STATE);
    host.destroy("vm-1");
    host.undefine("vm-1");

    assertThat(host.list()).isEmpty();
    assertThat(events.all()).extracting(VmEvent::type).endsWith(VmEventType.UNDEFINED);
    host.define("vm-1", spec("web-1"));
    assertThat(host.list()).hasSize(1);
  }

  @Test
  void refusalsNameTheVmItsStateAndTheAcceptedActions() throws HypervisorException {
    host.define("vm-1", spec("web-1"));

    assertRefused(() -> host.suspend("vm-1"), Reason.INVALID_STATE)
        .hasMessageContaining("suspend")
        .hasMessageContaining("web-1")
        .hasMessageContaining("vm-1")
        .hasMessageContaining("defined")
        .hasMessageContaining("start, delete");
    assertRefused(() -> host.shutdown("vm-1"), Reason.INVALID_STATE);
    assertRefused(() -> host.reboot("vm-1"), Reason.INVALID_STATE);
    assertRefused(() -> host.resume("vm-1"), Reason.INVALID_STATE);
    assertRefused(() -> host.destroy("vm-1"), Reason.INVALID_STATE);
    host.start("vm-1");
    assertRefused(() -> host.start("vm-1"), Reason.INVALID_STATE)
        .hasMessageContaining("starting")
        .hasMessageContaining("force-stop");
    assertRefused(() -> host.suspend("vm-1"), Reason.INVALID_STATE);
    assertThat(state("vm-1")).isEqualTo(VmState.STARTING);
  }

  @Test
  void unknownVmsAreNotFound() {
    assertRefused(() -> host.start("ghost"), Reason.NOT_FOUND).hasMessageContaining("ghost");
    assertRefused(() -> host.undefine("ghost"), Reason.NOT_FOUND);
  }

  @Test
  void startRefusesWhenMemoryWouldBeOvercommittedButCpuMayBe() throws HypervisorException {
    host.define("big", spec("big", 4, 6144, null));
    host.define("small", spec("small", 4, 2048, null));
    host.define("more", spec("more", 8, 1024, null));
    running("big");
    running("small");

    assertRefused(() -> host.start("more"), Reason.NO_CAPACITY)
        .hasMessageContaining("1024 MiB")
        .hasMessageContaining("0 MiB free of 8192");
    host.suspend("small");
    assertRefused(() -> host.start("more"), Reason.NO_CAPACITY);
    host.destroy("small");
    running("more"); // 12 vCPUs on 4 cores is fine
  }

  @Test
  void closedHostRefusesCallsAndFiresNoMoreTimers() throws HypervisorException {
    host.define("vm-1", spec("web-1"));
    host.start("vm-1");
    host.close();
    events.clear();

    clock.advanceBy(Duration.ofSeconds(5));

    assertThat(events.all()).isEmpty();
    assertRefused(() -> host.list(), Reason.FAILED).hasMessageContaining("closed");
    assertRefused(() -> host.stats(), Reason.FAILED);
    host.close(); // idempotent
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheOthers() throws HypervisorException {
    Fixtures.Events later = new Fixtures.Events();
    host.addListener(
        e -> {
          throw new IllegalStateException("listener bug");
        });
    host.addListener(later);

    host.define("vm-1", spec("web-1"));

    assertThat(later.all()).hasSize(1);
  }
}
