package org.vimana.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vimana.sim.Fixtures.assertRefused;
import static org.vimana.sim.Fixtures.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.driver.MigrationOptions;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;
import org.vimana.core.workload.Workload;
import org.vimana.sim.time.VirtualTimeScheduler;

class SimHypervisorPersistenceTest {
  @TempDir Path dir;
  private final VirtualTimeScheduler clock = new VirtualTimeScheduler();
  private final SimFabric fabric = new SimFabric();

  private SimHypervisor open(String name, Path stateDir) throws HypervisorException {
    return Fixtures.host(name, clock, fabric, Map.of("state-dir", stateDir.toString()));
  }

  private static VmState state(SimHypervisor h, String id) throws HypervisorException {
    return h.find(id).orElseThrow().state();
  }

  @Test
  void aNewInstanceReadoptsEveryVmAndSettlesTransitions() throws HypervisorException {
    SimHypervisor first = open("h1", dir);
    for (String id : new String[] {"defined", "running", "paused", "starting", "stopping"}) {
      first.define(id, spec(id));
    }
    first.define("gone", spec("gone"));
    for (String id : new String[] {"running", "paused", "stopping"}) {
      first.start(id);
    }
    clock.advanceBy(Duration.ofSeconds(2));
    first.suspend("paused");
    first.shutdown("stopping");
    first.start("starting");
    first.undefine("gone");
    first.close();
    clock.advanceBy(Duration.ofMinutes(5)); // the daemon is down; the VMs live on

    try (SimHypervisor second = open("h1", dir)) {
      assertThat(second.list())
          .extracting(VmStatus::id, VmStatus::state, VmStatus::bootCount)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("defined", VmState.DEFINED, 0L),
              org.assertj.core.groups.Tuple.tuple("running", VmState.RUNNING, 1L),
              org.assertj.core.groups.Tuple.tuple("paused", VmState.PAUSED, 1L),
              org.assertj.core.groups.Tuple.tuple("starting", VmState.RUNNING, 1L),
              org.assertj.core.groups.Tuple.tuple("stopping", VmState.STOPPED, 1L));
      assertThat(second.find("running").orElseThrow().spec()).isEqualTo(spec("running"));
      second.resume("paused");
      second.start("stopping");
      clock.advanceBy(Duration.ofSeconds(2));
      assertThat(second.find("stopping").orElseThrow().bootCount()).isEqualTo(2);
    }
  }

  @Test
  void readoptedVmsKeepTheirBootTimeSoTheirWorkloadCarriesOn() throws HypervisorException {
    Workload ramp = new Workload.Trace(java.util.List.of(0.0, 1.0), 600, 0.5);
    SimHypervisor first = open("h1", dir);
    first.define("vm-1", spec("vm-1", 2, 1024, ramp));
    first.start("vm-1");
    clock.advanceBy(Duration.ofSeconds(2));
    first.close();
    clock.advanceBy(Duration.ofSeconds(298)); // 300 s since boot: halfway up the ramp

    try (SimHypervisor second = open("h1", dir)) {
      assertThat(second.stats().vms().get(0).cpuPercent())
          .isCloseTo(50.0, org.assertj.core.api.Assertions.within(1e-6));
      assertThat(second.stats().vms().get(0).netRxBytes()).isPositive();
    }
  }

  @Test
  void aCorruptStateFileStopsTheHostFromOpeningAndNamesTheFile() throws Exception {
    try (SimHypervisor first = open("h1", dir)) {
      first.define("vm-1", spec("vm-1"));
      first.define("vm-2", spec("vm-2"));
    }
    Path file = dir.resolve("vm-vm-2.properties");
    Files.writeString(file, "format=1\nid=vm-2\nspec.vcpus=lots\n");

    assertRefused(() -> open("h1", dir), Reason.FAILED)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("corrupt");
    assertThat(Files.readString(file)).contains("lots");
    assertThat(dir.resolve("vm-vm-1.properties")).exists();
    assertThat(fabric.host("h1")).isEmpty();
  }

  @Test
  void aStateChangeThatCannotBeSavedIsRefusedAndNotApplied() throws Exception {
    Path stateDir = dir.resolve("state");
    try (SimHypervisor h = open("h1", stateDir)) {
      h.define("vm-1", spec("vm-1"));
      // Replace the directory by a file: every write now fails.
      Files.delete(stateDir.resolve("vm-vm-1.properties"));
      Files.delete(stateDir);
      Files.writeString(stateDir, "in the way");

      assertRefused(() -> h.define("vm-2", spec("vm-2")), Reason.FAILED)
          .hasMessageContaining("vm-2");
      assertRefused(() -> h.start("vm-1"), Reason.FAILED);
      assertThat(h.list()).extracting(VmStatus::id).containsExactly("vm-1");
      assertThat(state(h, "vm-1")).isEqualTo(VmState.DEFINED);
    }
  }

  @Test
  void anUnusableStateDirectoryFailsTheOpen() throws IOException {
    Path notADir = dir.resolve("file");
    Files.writeString(notADir, "x");

    assertRefused(() -> open("h1", notADir), Reason.FAILED)
        .hasMessageContaining(notADir.toString());
  }

  @Test
  void aVmThatWasMigratingWhenTheHostClosedIsBackWhereItWas() throws Exception {
    SimHypervisor source = open("h1", dir.resolve("h1"));
    source.define("vm-1", spec("vm-1"));
    source.define("vm-2", spec("vm-2"));
    source.start("vm-1");
    source.start("vm-2");
    clock.advanceBy(Duration.ofSeconds(2));
    source.suspend("vm-2");
    try (SimHypervisor target = open("h2", dir.resolve("h2"))) {
      Migrator m = new Migrator(source, target);
      m.migrate("vm-1");
      m.migrate("vm-2");
      source.close();
      clock.advanceBy(Duration.ofMinutes(1));
      assertThat(target.list()).isEmpty();
    }

    try (SimHypervisor again = open("h1", dir.resolve("h1"))) {
      assertThat(state(again, "vm-1")).isEqualTo(VmState.RUNNING);
      assertThat(state(again, "vm-2")).isEqualTo(VmState.PAUSED);
    }
  }

  @Test
  void aMigratedVmIsPersistedOnItsNewHostOnly() throws Exception {
    try (SimHypervisor source = open("h1", dir.resolve("h1"));
        SimHypervisor target = open("h2", dir.resolve("h2"))) {
      source.define("vm-1", spec("vm-1"));
      source.start("vm-1");
      clock.advanceBy(Duration.ofSeconds(2));
      new Migrator(source, target).migrate("vm-1");
      clock.advanceBy(Duration.ofMinutes(1));
    }

    try (SimHypervisor source = open("h1", dir.resolve("h1"));
        SimHypervisor target = open("h2", dir.resolve("h2"))) {
      assertThat(source.list()).isEmpty();
      assertThat(target.list())
          .extracting(VmStatus::id, VmStatus::state, VmStatus::bootCount)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("vm-1", VmState.RUNNING, 1L));
    }
  }

  /** Prepares the target and starts a migration to it. */
  private record Migrator(SimHypervisor source, SimHypervisor target) {
    void migrate(String id) throws HypervisorException {
      target.migrator().orElseThrow().prepareIncoming(source.find(id).orElseThrow());
      source.migrator().orElseThrow().migrate(id, target.uri(), MigrationOptions.defaults());
    }
  }
}
