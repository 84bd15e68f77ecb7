package org.vimana.manager.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vimana.manager.cluster.ManagerScenario.await;
import static org.vimana.manager.cluster.ManagerScenario.expect;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.api.client.ApiException;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.api.model.EventView;
import org.vimana.api.model.MigrateRequest;
import org.vimana.api.model.MigrationView;
import org.vimana.api.model.SnapshotRequest;
import org.vimana.api.model.SnapshotView;
import org.vimana.api.model.VmView;
import org.vimana.core.template.Template;
import org.vimana.core.vm.VmAction;
import org.vimana.core.workload.Workload;
import org.vimana.manager.ManagerConfig;

/**
 * Live migration and snapshots through the public API, on a manager with three sim node daemons in
 * this JVM (their hypervisors share the process's sim fabric, so a VM really moves between them).
 * Subclasses choose the database.
 */
abstract class MigrationScenario {
  @TempDir Path dir;
  private SimCluster cluster;
  private VimanaClient api;

  abstract ManagerConfig database(ManagerConfig config) throws Exception;

  @BeforeEach
  void start() throws Exception {
    cluster = SimCluster.start(dir, this::database);
    api = cluster.api;
    cluster.simHost("m1", "8G");
    cluster.simHost("m2", "8G");
    cluster.simHost("m3", "512M");
    api.createTemplate(new Template("t", "", 1, 1024, 1, "", new Workload.Constant(0.5, 0.5)));
  }

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aMigrationMovesTheVmAndKeepsItsTimesInTheHistory() throws Exception {
    VmView v = create("mover", "m1");
    MigrationView m = api.migrate("mover", new MigrateRequest("m2", 200L, null, null));
    assertThat(m.state()).isIn("preparing", "running");
    assertThat(m.source()).isEqualTo("m1");
    assertThat(m.target()).isEqualTo("m2");
    MigrationView done = ended(m.id());
    assertThat(done.state()).as(done.message()).isEqualTo("succeeded");
    assertThat(done.totalMs()).isPositive();
    assertThat(done.downtimeMs()).isBetween(0L, done.totalMs());
    assertThat(done.transferredMib()).isGreaterThanOrEqualTo(1024L);
    VmView after = api.vm("mover");
    assertThat(after.hostName()).isEqualTo("m2");
    assertThat(after.state()).isEqualTo("running");
    assertThat(after.bootCount()).isEqualTo(v.bootCount()); // moved live, not rebooted
    List<EventView> history = api.events("mover", 50);
    assertThat(history)
        .filteredOn(e -> e.type().equals("MIGRATION_SUCCEEDED"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("downtime " + done.downtimeMs() + " ms"));
    assertThat(api.migrations("mover", 10)).extracting(MigrationView::id).containsExactly(m.id());
    // The manager follows the VM: actions now go to its new host.
    api.action("mover", VmAction.SHUTDOWN);
    await("stopped on m2", () -> vm("mover").state().equals("stopped"));
    // ... and back again, once restarted.
    api.action("mover", VmAction.START);
    await("running", () -> vm("mover").state().equals("running"));
    assertThat(ended(api.migrate("mover", new MigrateRequest("m1", null, null, null)).id()).state())
        .isEqualTo("succeeded");
    assertThat(vm("mover").hostName()).isEqualTo("m1");
  }

  @Test
  void preChecksRefuseWithTheReasonAndChangeNothing() throws Exception {
    create("a", "m1");
    expect(
        400, "to is required", () -> api.migrate("a", new MigrateRequest(null, null, null, null)));
    expect(
        404,
        "no host 'nowhere'",
        () -> api.migrate("a", new MigrateRequest("nowhere", null, null, null)));
    expect(
        404,
        "no VM 'ghost'",
        () -> api.migrate("ghost", new MigrateRequest("m2", null, null, null)));
    expect(
        400,
        "already runs on host 'm1'",
        () -> api.migrate("a", new MigrateRequest("m1", null, null, null)));
    expect(
        400,
        "maxDowntimeMs must be positive",
        () -> api.migrate("a", new MigrateRequest("m2", 0L, null, null)));
    expect(
        409,
        "has no room",
        () -> api.migrate("a", new MigrateRequest("m3", null, null, null))); // a 512 MiB host
    api.setMaintenance("m2", true);
    expect(
        409, "in maintenance", () -> api.migrate("a", new MigrateRequest("m2", null, null, null)));
    api.setMaintenance("m2", false);
    api.action("a", VmAction.SHUTDOWN);
    await("a stopped", () -> vm("a").state().equals("stopped"));
    expect(
        409,
        "only a running VM migrates",
        () -> api.migrate("a", new MigrateRequest("m2", null, null, null)));
    assertThat(vm("a").hostName()).isEqualTo("m1");
    assertThat(api.migrations(null, 10)).isEmpty();
  }

  @Test
  void aCancelledMigrationLeavesTheVmRunningOnItsSource() throws Exception {
    create("slow", "m1");
    // 1 GiB at 4 MiB/s would take minutes.
    MigrationView m = api.migrate("slow", new MigrateRequest("m2", null, 4L, null));
    await("running", () -> migration(m.id()).state().equals("running"));
    await("progress", () -> migration(m.id()).progressPercent() != null);
    expect(
        409,
        "already migrating",
        () -> api.migrate("slow", new MigrateRequest("m2", null, null, null)));
    api.cancelMigration(m.id());
    MigrationView done = ended(m.id());
    assertThat(done.state()).isEqualTo("cancelled");
    assertThat(done.totalMs()).isNull();
    VmView v = vm("slow");
    assertThat(v.hostName()).isEqualTo("m1");
    await("running on m1", () -> vm("slow").state().equals("running"));
    assertThat(api.events("slow", 50)).extracting(EventView::type).contains("MIGRATION_CANCELLED");
    expect(409, "has ended", () -> api.cancelMigration(m.id()));
  }

  @Test
  void whenTheTargetDiesMidMigrationTheVmStaysOnItsSource() throws Exception {
    create("brave", "m1");
    // About 3 s at 300 MiB/s: time to take the target away.
    MigrationView m = api.migrate("brave", new MigrateRequest("m2", null, 300L, null));
    await("running", () -> migration(m.id()).state().equals("running"));
    cluster.stopNode("m2");
    MigrationView done = ended(m.id());
    assertThat(done.state()).isEqualTo("failed");
    assertThat(done.message()).contains("still runs on m1");
    assertThat(vm("brave").hostName()).isEqualTo("m1");
    await("running on m1", () -> vm("brave").state().equals("running"));
    assertThat(api.events("brave", 50)).extracting(EventView::type).contains("MIGRATION_FAILED");
  }

  @Test
  void snapshotsAreTakenListedRevertedAndDeleted() throws Exception {
    create("snappy", "m1");
    List<SnapshotView> one = api.createSnapshot("snappy", new SnapshotRequest("before", "clean"));
    assertThat(one).extracting(SnapshotView::name).containsExactly("before");
    assertThat(one.get(0).vmState()).isEqualTo("running");
    api.action("snappy", VmAction.FORCE_STOP);
    await("stopped", () -> vm("snappy").state().equals("stopped"));
    api.revertSnapshot("snappy", "before"); // a running snapshot boots the VM again
    await("running again", () -> vm("snappy").state().equals("running"));
    expect(
        409,
        "already has a snapshot",
        () -> api.createSnapshot("snappy", new SnapshotRequest("before", null)));
    expect(404, "no snapshot named 'nope'", () -> api.revertSnapshot("snappy", "nope"));
    expect(
        400,
        "name is required",
        () -> api.createSnapshot("snappy", new SnapshotRequest(null, null)));
    assertThat(api.deleteSnapshot("snappy", "before")).isEmpty();
    assertThat(api.snapshots("snappy")).isEmpty();
    assertThat(api.events("snappy", 50)).extracting(EventView::type).contains("SNAPSHOT");
    // The sim driver has no serial console: a clear refusal, not an empty answer.
    expect(501, "keeps no console log", () -> api.console("snappy", 1024));
  }

  private VmView create(String name, String host) throws Exception {
    api.createVm(new CreateVmRequest(name, "t", null, null, null, null, null, null, host, null));
    await(name + " running", () -> vm(name).state().equals("running"));
    return vm(name);
  }

  private MigrationView ended(String id) throws InterruptedException {
    await("migration " + id + " ended", () -> migration(id).endedAt() != null);
    return migration(id);
  }

  private MigrationView migration(String id) {
    try {
      return api.migration(id);
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private VmView vm(String name) {
    try {
      return api.vm(name);
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
