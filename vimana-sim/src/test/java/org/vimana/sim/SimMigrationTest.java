package org.vimana.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.vimana.sim.Fixtures.assertRefused;
import static org.vimana.sim.Fixtures.spec;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.driver.MigrationOptions;
import org.vimana.core.driver.MigrationResult;
import org.vimana.core.driver.Migrator;
import org.vimana.core.event.VmEvent;
import org.vimana.core.event.VmEventType;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;
import org.vimana.core.workload.Workload;
import org.vimana.sim.migration.MigrationEstimate;
import org.vimana.sim.time.VirtualTimeScheduler;

class SimMigrationTest {
  private final VirtualTimeScheduler clock = new VirtualTimeScheduler();
  private final SimFabric fabric = new SimFabric();
  private final Fixtures.Events sourceEvents = new Fixtures.Events();
  private final Fixtures.Events targetEvents = new Fixtures.Events();
  private SimHypervisor source;
  private SimHypervisor target;

  @BeforeEach
  void open() throws HypervisorException {
    source = Fixtures.host("h1", clock, fabric, Map.of("memory", "16G"));
    target = Fixtures.host("h2", clock, fabric, Map.of("memory", "8G"));
    source.define("vm-1", spec("web-1", 2, 4096, new Workload.Constant(0.5, 0.5)));
    source.start("vm-1");
    clock.advanceBy(Duration.ofSeconds(2));
    source.addListener(sourceEvents);
    target.addListener(targetEvents);
  }

  @AfterEach
  void close() {
    source.close();
    target.close();
  }

  private Migrator sourceMigrator() {
    return source.migrator().orElseThrow();
  }

  private Migrator targetMigrator() {
    return target.migrator().orElseThrow();
  }

  private VmStatus vm1() throws HypervisorException {
    return source.find("vm-1").orElseThrow();
  }

  private CompletableFuture<MigrationResult> migrateVm1() throws HypervisorException {
    String uri = targetMigrator().prepareIncoming(vm1());
    return sourceMigrator().migrate("vm-1", uri, MigrationOptions.defaults()).toCompletableFuture();
  }

  @Test
  void moveARunningVmAfterTheComputedDurationFiringEventsOnBothSides() throws HypervisorException {
    MigrationEstimate expected =
        ((SimMigrator) sourceMigrator())
            .costModel(VmState.RUNNING, MigrationOptions.defaults())
            .estimate(4096);

    assertThat(targetMigrator().prepareIncoming(vm1())).startsWith("sim://h2?peer=127.0.0.1:");
    CompletableFuture<MigrationResult> result =
        sourceMigrator()
            .migrate("vm-1", "sim://h2", MigrationOptions.defaults())
            .toCompletableFuture();

    assertThat(vm1().state()).isEqualTo(VmState.MIGRATING);
    assertThat(target.list()).isEmpty();
    clock.advanceBy(expected.total().minusNanos(1));
    assertThat(result).isNotDone();
    clock.advanceBy(Duration.ofNanos(1));

    assertThat(result)
        .isCompletedWithValue(
            new MigrationResult(
                expected.totalMillis(),
                expected.downtimeMillis(),
                Math.round(expected.transferredMib())));
    assertThat(expected.totalMillis()).isBetween(4000L, 5000L);
    assertThat(source.list()).isEmpty();
    assertThat(target.list())
        .extracting(VmStatus::id, VmStatus::spec, VmStatus::state, VmStatus::bootCount)
        .containsExactly(
            tuple(
                "vm-1",
                spec("web-1", 2, 4096, new Workload.Constant(0.5, 0.5)),
                VmState.RUNNING,
                1L));
    assertThat(sourceEvents.all())
        .extracting(VmEvent::type, VmEvent::state)
        .containsExactly(
            tuple(VmEventType.MIGRATION_STARTED, VmState.MIGRATING),
            tuple(VmEventType.MIGRATED, VmState.RUNNING));
    assertThat(targetEvents.all())
        .extracting(VmEvent::type, VmEvent::state)
        .containsExactly(
            tuple(VmEventType.MIGRATION_STARTED, VmState.MIGRATING),
            tuple(VmEventType.MIGRATED, VmState.RUNNING));
    assertThat(sourceEvents.all().get(1).message()).contains("sim://h2");
    assertThat(targetEvents.all().get(1).message()).contains("h1");
  }

  @Test
  void theMigratedVmKeepsItsBootTimeAndCountersAndCanBeDrivenOnTheTarget() throws Exception {
    long rxBefore = source.stats().vms().get(0).netRxBytes();
    CompletableFuture<MigrationResult> result = migrateVm1();
    clock.advanceBy(Duration.ofMinutes(1));

    assertThat(result).isCompleted();
    assertThat(target.stats().vms().get(0).netRxBytes()).isGreaterThan(rxBefore);
    assertThat(target.stats().vms().get(0).cpuPercent()).isEqualTo(50.0);
    target.shutdown("vm-1");
    clock.advanceBy(Duration.ofSeconds(1));
    assertThat(target.find("vm-1").orElseThrow().state()).isEqualTo(VmState.STOPPED);
  }

  @Test
  void whileMigratingTheVmRefusesLifecycleActionsAndStillCountsOnTheSource()
      throws HypervisorException {
    assertThat(migrateVm1()).isNotDone();

    assertRefused(() -> source.destroy("vm-1"), Reason.INVALID_STATE)
        .hasMessageContaining("migrating");
    assertRefused(() -> source.suspend("vm-1"), Reason.INVALID_STATE);
    assertRefused(() -> source.crash("vm-1", "x"), Reason.INVALID_STATE);
    assertThat(source.stats().vms()).hasSize(1);
    assertThat(target.stats().vms()).isEmpty();
    // The target holds the memory: 4 GiB of 8 are reserved.
    target.define("other", spec("other", 1, 5000, null));
    assertRefused(() -> target.start("other"), Reason.NO_CAPACITY);
  }

  @Test
  void aPausedVmArrivesPausedWithoutDirtyPages() throws HypervisorException {
    source.suspend("vm-1");
    CompletableFuture<MigrationResult> result = migrateVm1();
    clock.advanceBy(Duration.ofMinutes(1));

    assertThat(result.join().downtimeMillis()).isZero();
    assertThat(result.join().transferredMib()).isEqualTo(4096);
    assertThat(target.find("vm-1").orElseThrow().state()).isEqualTo(VmState.PAUSED);
    assertThat(targetEvents.all().get(1).state()).isEqualTo(VmState.PAUSED);
  }

  @Test
  void aBandwidthCapSlowsTheMigration() throws HypervisorException {
    targetMigrator().prepareIncoming(vm1());
    CompletableFuture<MigrationResult> result =
        sourceMigrator()
            .migrate("vm-1", "sim://h2", new MigrationOptions(300, 100))
            .toCompletableFuture();
    clock.advanceBy(Duration.ofSeconds(40));
    assertThat(result).isNotDone();
    // Virtual time: advance until it finishes, never block on it.
    for (int i = 0; i < 600 && !result.isDone(); i++) {
      clock.advanceBy(Duration.ofSeconds(1));
    }
    assertThat(result).isDone();
    assertThat(result.join().totalMillis()).isGreaterThan(40_960);
  }

  @Test
  void cancelKeepsTheVmRunningOnTheSourceAndFreesTheTarget() throws HypervisorException {
    CompletableFuture<MigrationResult> result = migrateVm1();
    clock.advanceBy(Duration.ofSeconds(1));

    sourceMigrator().cancel("vm-1");
    clock.advanceBy(Duration.ofMinutes(1));

    assertThat(result).isCancelled();
    assertThat(vm1().state()).isEqualTo(VmState.RUNNING);
    assertThat(target.list()).isEmpty();
    assertThat(sourceEvents.all())
        .extracting(VmEvent::type, VmEvent::state)
        .containsExactly(
            tuple(VmEventType.MIGRATION_STARTED, VmState.MIGRATING),
            tuple(VmEventType.MIGRATION_FAILED, VmState.RUNNING));
    assertThat(targetEvents.all())
        .extracting(VmEvent::type)
        .containsExactly(VmEventType.MIGRATION_STARTED, VmEventType.MIGRATION_FAILED);
    assertRefused(() -> sourceMigrator().cancel("vm-1"), Reason.INVALID_STATE)
        .hasMessageContaining("not migrating");
    // The reservation is gone: the memory is free again and a new migration works.
    CompletableFuture<MigrationResult> again = migrateVm1();
    clock.advanceBy(Duration.ofMinutes(1));
    assertThat(again).isCompletedWithValueMatching(r -> r.totalMillis() > 0);
  }

  @Test
  void aTargetWithoutMemoryRefusesToPrepare() throws HypervisorException {
    source.define("huge", spec("huge", 2, 10_240, null));
    VmStatus huge = source.find("huge").orElseThrow();

    assertRefused(() -> targetMigrator().prepareIncoming(huge), Reason.NO_CAPACITY)
        .hasMessageContaining("h2")
        .hasMessageContaining("10240 MiB");
  }

  @Test
  void aTargetThatAlreadyHasTheVmOrItsNameRefusesToPrepare() throws HypervisorException {
    target.define("vm-1", spec("elsewhere"));
    assertRefused(() -> targetMigrator().prepareIncoming(vm1()), Reason.ALREADY_EXISTS);
    target.undefine("vm-1");
    target.define("vm-9", spec("web-1"));
    assertRefused(() -> targetMigrator().prepareIncoming(vm1()), Reason.ALREADY_EXISTS)
        .hasMessageContaining("web-1");
  }

  @Test
  void migrationNeedsAPreparedTargetInTheFabric() throws HypervisorException {
    MigrationOptions o = MigrationOptions.defaults();

    assertRefused(() -> sourceMigrator().migrate("vm-1", "sim://h2", o), Reason.INVALID_STATE)
        .hasMessageContaining("prepareIncoming");
    assertRefused(() -> sourceMigrator().migrate("vm-1", "sim://h9", o), Reason.UNSUPPORTED)
        .hasMessageContaining("names no peer address");
    assertRefused(
            () -> sourceMigrator().migrate("vm-1", "qemu+tcp://h2/system", o), Reason.UNSUPPORTED)
        .hasMessageContaining("qemu+tcp://h2/system");
    assertRefused(() -> sourceMigrator().migrate("vm-1", "sim://h1", o), Reason.INVALID_STATE);
    assertThat(vm1().state()).isEqualTo(VmState.RUNNING);
    assertThat(sourceEvents.all()).isEmpty();
  }

  @Test
  void onlyRunningOrPausedVmsMigrate() throws HypervisorException {
    source.define("vm-2", spec("web-2"));
    targetMigrator().prepareIncoming(source.find("vm-2").orElseThrow());

    assertRefused(
            () -> sourceMigrator().migrate("vm-2", "sim://h2", MigrationOptions.defaults()),
            Reason.INVALID_STATE)
        .hasMessageContaining("defined");
    assertRefused(() -> sourceMigrator().cancel("ghost"), Reason.NOT_FOUND);
  }

  @Test
  void anUnusedReservationExpires() throws HypervisorException {
    targetMigrator().prepareIncoming(vm1());
    clock.advanceBy(HostModel.PREPARE_TIMEOUT);

    assertRefused(
        () -> sourceMigrator().migrate("vm-1", "sim://h2", MigrationOptions.defaults()),
        Reason.INVALID_STATE);
  }

  @Test
  void aTargetClosingMidwayLeavesTheVmRunningOnTheSource() throws HypervisorException {
    CompletableFuture<MigrationResult> result = migrateVm1();
    target.close();
    clock.advanceBy(Duration.ofMinutes(1));

    assertThat(result).isCompletedExceptionally();
    assertThat(vm1().state()).isEqualTo(VmState.RUNNING);
    assertThat(sourceEvents.all())
        .extracting(VmEvent::type)
        .containsExactly(VmEventType.MIGRATION_STARTED, VmEventType.MIGRATION_FAILED);
  }

  @Test
  void aSourceClosingMidwayFailsTheMigrationAndFreesTheTarget() throws HypervisorException {
    CompletableFuture<MigrationResult> result = migrateVm1();
    source.close();
    clock.advanceBy(Duration.ofMinutes(1));

    assertThat(result)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(HypervisorException.class);
    assertThat(target.list()).isEmpty();
    assertThat(targetEvents.all())
        .extracting(VmEvent::type)
        .containsExactly(VmEventType.MIGRATION_STARTED, VmEventType.MIGRATION_FAILED);
    assertThat(fabric.host("h1")).isEmpty();
  }

  @Test
  void cancellationIsReportedAsCancellation() throws HypervisorException {
    CompletableFuture<MigrationResult> result = migrateVm1();
    sourceMigrator().cancel("vm-1");

    assertThat(result.handle((r, e) -> e))
        .isCompletedWithValueMatching(
            e -> e instanceof CancellationException && e.getMessage().contains("vm-1"));
    assertThat(result.isCompletedExceptionally()).isTrue();
    assertThat(catchJoin(result)).isInstanceOf(CancellationException.class);
  }

  private static Throwable catchJoin(CompletableFuture<?> f) {
    try {
      f.join();
      return null;
    } catch (CompletionException | CancellationException e) {
      return e;
    }
  }
}
