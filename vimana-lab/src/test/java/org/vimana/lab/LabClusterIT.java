package org.vimana.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.api.model.EventView;
import org.vimana.api.model.MigrateRequest;
import org.vimana.api.model.MigrationView;
import org.vimana.api.model.SnapshotRequest;
import org.vimana.api.model.SnapshotView;
import org.vimana.api.model.VmFilter;
import org.vimana.api.model.VmView;
import org.vimana.core.vm.VmAction;

/**
 * Real VMs under QEMU TCG on three lab hosts, driven only through the public API: a manager and
 * three node daemons on the libvirt driver, six VMs from the lab template. The lab boots once for
 * the class. Without QEMU and libvirt the lab cannot start and the test fails saying why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabClusterIT {
  private static final Duration BOOT = Duration.ofMinutes(2);
  private static final Duration AGENT_AFTER_MIGRATION = Duration.ofSeconds(20);

  @TempDir static Path dir;
  private LabCluster cluster;
  private Lab lab;
  private VimanaClient api;
  private LabApi polls;

  @BeforeAll
  void startLab() throws Exception {
    cluster = LabCluster.start(dir, "lab-it", 3, c -> c, Duration.ofSeconds(60));
    lab = cluster.lab;
    api = cluster.api;
    polls = new LabApi(api);
    api.createTemplate(Lab.template());
    for (int i = 1; i <= 6; i++) {
      api.createVm(CreateVmRequest.fromTemplate("lab-vm-" + i, "lab"));
    }
  }

  @AfterAll
  void stopLab() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void sixVmsFromTheTemplateRunSpreadOverThreeHosts() throws Exception {
    Map<String, Integer> perHost = new HashMap<>();
    for (VmView v : api.vms(VmFilter.all())) {
      perHost.merge(v.hostName(), 1, Integer::sum);
    }
    assertThat(perHost).hasSize(3).allSatisfy((h, n) -> assertThat(n).isEqualTo(2));
    for (int i = 1; i <= 6; i++) {
      String name = "lab-vm-" + i;
      LabApi.await(name + " counts on its console", BOOT, () -> polls.counter(name) >= 1);
    }
  }

  @Test
  @Order(2)
  void theConsoleCounterGoesOnAcrossAMigrationThereAndBack() throws Exception {
    VmView v = api.vm("lab-vm-1");
    String home = v.hostName();
    String away =
        lab.hosts().stream()
            .map(LabHost::name)
            .filter(h -> !h.equals(home))
            .findFirst()
            .orElseThrow();
    LabApi.await("lab-vm-1's agent ready", BOOT, () -> polls.agentReadyOn("lab-vm-1", home));
    int before = polls.counter("lab-vm-1");

    MigrationView there =
        polls.finished(api.migrate("lab-vm-1", new MigrateRequest(away, 300L, null, null)));
    assertThat(there.state()).as(there.message()).isEqualTo("succeeded");
    assertThat(api.vm("lab-vm-1").hostName()).isEqualTo(away);
    // Its console log and agent socket moved into the target's state directory, in the running
    // definition and in the persistent one that a later start on this host uses.
    LabHost awayHost = lab.hosts().stream().filter(h -> h.name().equals(away)).findFirst().get();
    String awayDir = lab.driverOptions(awayHost).get("state-dir");
    for (String xml :
        List.of(
            LabCluster.virsh(awayHost, "dumpxml", "lab-vm-1"),
            LabCluster.virsh(awayHost, "dumpxml", "--inactive", "lab-vm-1"))) {
      assertThat(xml).contains(awayDir + "/").doesNotContain("/" + home + "/");
    }
    // The target's node connects to the guest's agent over the new channel socket at once: the
    // agent answers commands through the API within seconds of the migration's end.
    long arrived = System.nanoTime();
    LabApi.await(
        "lab-vm-1's agent ready on " + away,
        AGENT_AFTER_MIGRATION,
        () -> polls.agentReadyOn("lab-vm-1", away) && polls.agentAnswers("lab-vm-1"));
    System.out.printf(
        "lab: agent answers on %s %d ms after the migration ended (node: ready %d ms after"
            + " arrival)%n",
        away, (System.nanoTime() - arrived) / 1_000_000, api.agent("lab-vm-1").readyAfterMs());
    int mid = polls.counter("lab-vm-1");
    LabApi.await(
        "counter rises on " + away, Duration.ofSeconds(30), () -> polls.counter("lab-vm-1") > mid);

    MigrationView back =
        polls.finished(api.migrate("lab-vm-1", new MigrateRequest(home, 300L, null, null)));
    assertThat(back.state()).as(back.message()).isEqualTo("succeeded");
    assertThat(api.vm("lab-vm-1").hostName()).isEqualTo(home);
    int after = polls.counter("lab-vm-1");
    LabApi.await(
        "counter rises on " + home,
        Duration.ofSeconds(30),
        () -> polls.counter("lab-vm-1") > after);

    // No reset: the guest kept counting from where it was, it did not boot again.
    assertThat(polls.counter("lab-vm-1")).isGreaterThan(before);
    assertThat(polls.counters("lab-vm-1")).isSorted();
    for (MigrationView m : List.of(there, back)) {
      assertThat(m.totalMs()).isPositive();
      assertThat(m.downtimeMs()).isBetween(0L, m.totalMs());
      System.out.printf(
          "lab: migration %s -> %s total %d ms, downtime %d ms, %d MiB%n",
          m.source(), m.target(), m.totalMs(), m.downtimeMs(), m.transferredMib());
    }
    assertThat(api.events("lab-vm-1", 100))
        .filteredOn(e -> e.type().equals("MIGRATION_SUCCEEDED"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.message()).containsPattern("downtime \\d+ ms"));
  }

  @Test
  @Order(3)
  void aSlowMigrationShowsProgressAndCanBeCancelledLeavingTheVmOnItsSource() throws Exception {
    VmView v = api.vm("lab-vm-3");
    String home = v.hostName();
    String away =
        lab.hosts().stream()
            .map(LabHost::name)
            .filter(h -> !h.equals(home))
            .findFirst()
            .orElseThrow();
    // Capped at 1 MiB/s, the guest's memory takes about a minute to send.
    MigrationView m = api.migrate("lab-vm-3", new MigrateRequest(away, 300L, 1L, null));
    LabApi.await(
        "libvirt reports progress",
        Duration.ofSeconds(60),
        () -> {
          MigrationView now = polls.migration(m.id());
          return now.progressPercent() != null && now.progressPercent() > 0;
        });
    api.cancelMigration(m.id());
    MigrationView done = polls.finished(m);
    assertThat(done.state()).as(done.message()).isEqualTo("cancelled");
    assertThat(api.vm("lab-vm-3").hostName()).isEqualTo(home);
    assertThat(polls.state("lab-vm-3")).isEqualTo("running");
    int after = polls.counter("lab-vm-3");
    LabApi.await(
        "counter rises on " + home,
        Duration.ofSeconds(30),
        () -> polls.counter("lab-vm-3") > after);
  }

  @Test
  @Order(4)
  void shutdownStartSnapshotRevertAndDeleteOnRealVms() throws Exception {
    String vm = "lab-vm-2";
    api.action(vm, VmAction.SHUTDOWN); // ACPI power button: the guest's init powers off
    LabApi.await(vm + " stopped", Duration.ofSeconds(60), () -> polls.state(vm).equals("stopped"));
    assertThat(api.console(vm, 4096)).contains("vimana-init: powering off");
    api.action(vm, VmAction.START);
    LabApi.await(vm + " running", BOOT, () -> polls.state(vm).equals("running"));
    polls.awaitVm(vm, "counts again", BOOT, () -> polls.lastCounter(vm) >= 3);

    List<SnapshotView> snaps = api.createSnapshot(vm, new SnapshotRequest("counted", "lab"));
    assertThat(snaps).extracting(SnapshotView::name).containsExactly("counted");
    int atSnapshot = polls.lastCounter(vm);
    polls.awaitVm(
        vm,
        "counts past the snapshot " + atSnapshot,
        Duration.ofSeconds(60),
        () -> polls.lastCounter(vm) >= atSnapshot + 4);
    api.revertSnapshot(vm, "counted");
    // The guest's memory is back at the snapshot: its counter resumes from there.
    LabApi.await(
        vm + " counter back near the snapshot",
        Duration.ofSeconds(60),
        () -> {
          List<Integer> all = polls.counters(vm);
          for (int i = 1; i < all.size(); i++) {
            if (all.get(i) < all.get(i - 1) && all.get(i) <= atSnapshot + 2) {
              return true;
            }
          }
          return false;
        });
    assertThat(api.deleteSnapshot(vm, "counted")).isEmpty();

    api.deleteVm(vm, true);
    assertThat(api.vms(VmFilter.all())).extracting(VmView::name).doesNotContain(vm);
    assertThat(api.events(null, 200)).extracting(EventView::type).contains("DELETED");
  }
}
