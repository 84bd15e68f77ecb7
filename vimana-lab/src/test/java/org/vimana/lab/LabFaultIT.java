package org.vimana.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.api.client.ApiException;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.api.model.EventView;
import org.vimana.api.model.MigrateRequest;
import org.vimana.api.model.MigrationView;
import org.vimana.api.model.VmView;

/**
 * Faults on real VMs, seen through the public API and checked against libvirt itself: the target's
 * libvirtd killed in the middle of a live migration, a node daemon restarted, a libvirtd killed and
 * restarted under its running guests. Three lab hosts, one VM pinned to each; the lab boots once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabFaultIT {
  private static final Duration BOOT = Duration.ofMinutes(2);
  private static final Duration STATS = Duration.ofSeconds(2);

  @TempDir static Path dir;
  private LabCluster cluster;
  private Lab lab;
  private VimanaClient api;
  private LabApi polls;

  @BeforeAll
  void startLab() throws Exception {
    cluster =
        LabCluster.start(
            dir,
            "lab-fault",
            3,
            c -> c.withIntervals(Duration.ofSeconds(2), Duration.ofSeconds(10), STATS),
            Duration.ofSeconds(60));
    lab = cluster.lab;
    api = cluster.api;
    polls = new LabApi(api);
    api.createTemplate(Lab.template());
    for (int i = 1; i <= 3; i++) {
      api.createVm(pinned("fault-vm-" + i, host(i)));
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
  void eachHostRunsItsVm() throws Exception {
    for (int i = 1; i <= 3; i++) {
      String vm = "fault-vm-" + i;
      assertThat(api.vm(vm).hostName()).isEqualTo(host(i).name());
      LabApi.await(vm + " counts", BOOT, () -> polls.counter(vm) >= 2);
    }
  }

  @Test
  @Order(2)
  void targetLibvirtdKilledMidMigrationLeavesTheVmRunningOnItsSource() throws Exception {
    String vm = "fault-vm-1";
    LabHost source = host(1);
    LabHost target = host(2);
    // 2 MiB/s: the guest's memory takes tens of seconds to copy, time enough to strike.
    MigrationView m = api.migrate(vm, new MigrateRequest(target.name(), 300L, 2L, 300L));
    LabApi.await(
        "the migration copies memory",
        Duration.ofMinutes(2),
        () -> {
          Integer p = polls.migration(m.id()).progressPercent();
          return p != null && p > 0;
        });
    // Ground truth: a migration job on the source, the incoming domain on the target.
    assertThat(LabCluster.virsh(source, "domjobinfo", vm))
        .containsPattern("Job type:\\s+Unbounded");
    assertThat(LabCluster.virsh(target, "list", "--name")).contains(vm);

    Integer progress = polls.migration(m.id()).progressPercent();
    long k0 = System.nanoTime();
    lab.killLibvirtd(target);
    LabApi.await(
        "the migration ends",
        Duration.ofMinutes(2),
        () -> polls.migration(m.id()).endedAt() != null);
    long failMs = ms(k0);
    MigrationView failed = polls.migration(m.id());
    assertThat(failed.state()).isEqualTo("failed");
    assertThat(failed.message()).contains("still runs on " + source.name());

    // The inventory says the VM runs on its source, and so does libvirt: no job left, same guest.
    VmView v = api.vm(vm);
    assertThat(v.hostName()).isEqualTo(source.name());
    assertThat(v.state()).isEqualTo("running");
    assertThat(LabCluster.virsh(source, "domstate", vm)).isEqualTo("running");
    assertThat(LabCluster.virsh(source, "domjobinfo", vm)).containsPattern("Job type:\\s+None");
    int atFailure = polls.counter(vm);
    LabApi.await(vm + " counts on", Duration.ofMinutes(1), () -> polls.counter(vm) > atFailure + 2);
    assertThat(polls.counters(vm)).isSorted();
    assertThat(api.events(vm, 50)).extracting(EventView::type).contains("MIGRATION_FAILED");
    System.out.printf(
        "lab-fault: target libvirtd killed at %d%% -> migration failed %d ms later: %s%n",
        progress, failMs, failed.message());

    // The target's libvirtd comes back and drops the half-received domain; its own VM runs on.
    lab.restartLibvirtd(target);
    LabApi.await(
        "the target forgets the half-migrated domain",
        Duration.ofMinutes(1),
        () -> {
          String domains = virshQuietly(target, "list", "--all", "--name");
          return domains != null && !domains.contains(vm);
        });
    LabApi.await(
        "the target's node reconnects", Duration.ofMinutes(1), () -> consoleWorks("fault-vm-2"));
    // And the cluster is whole again: the same migration now succeeds.
    MigrationView again =
        polls.finished(api.migrate(vm, new MigrateRequest(target.name(), 300L, null, null)));
    assertThat(again.state()).as(again.message()).isEqualTo("succeeded");
    assertThat(api.vm(vm).hostName()).isEqualTo(target.name());
    assertThat(LabCluster.virsh(source, "list", "--all", "--name")).doesNotContain(vm);
  }

  @Test
  @Order(3)
  void aRestartedNodeDaemonReadoptsItsRunningVmsWithoutRestartingThem() throws Exception {
    String vm = "fault-vm-3";
    LabHost h = host(3);
    VmView before = api.vm(vm);
    String domId = LabCluster.virsh(h, "domid", vm);
    int counted = polls.counter(vm);

    cluster.stopNode(2);
    // Without its node the VM goes on in libvirt.
    assertThat(LabCluster.virsh(h, "domstate", vm)).isEqualTo("running");
    Instant restarted = Instant.now();
    long t0 = System.nanoTime();
    cluster.startNode(2);
    long connectMs = ms(t0);
    LabApi.await(vm + " running again in the inventory", Duration.ofMinutes(1), () -> running(vm));

    VmView after = api.vm(vm);
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.hostName()).isEqualTo(h.name());
    assertThat(after.bootCount()).isEqualTo(before.bootCount());
    assertThat(LabCluster.virsh(h, "domid", vm))
        .as("the same QEMU process, not a new boot")
        .isEqualTo(domId);
    LabApi.await(vm + " counts on", Duration.ofMinutes(1), () -> polls.counter(vm) > counted + 2);
    assertThat(polls.counters(vm)).as("no reset: the guest never booted again").isSorted();
    assertThat(api.events(vm, 100))
        .filteredOn(e -> !e.at().isBefore(restarted))
        .extracting(EventView::type)
        .doesNotContain("STARTED", "DISCOVERED", "CREATED");
    System.out.printf("lab-fault: node daemon restarted, connected in %d ms%n", connectMs);
  }

  @Test
  @Order(4)
  void afterALibvirtdRestartTheNodeReconnectsAndEventsAndStatsResume() throws Exception {
    String vm = "fault-vm-3";
    LabHost h = host(3);
    String domId = LabCluster.virsh(h, "domid", vm);
    int counted = polls.counter(vm);

    long k0 = System.nanoTime();
    lab.killLibvirtd(h);
    LabApi.await(
        "the node reports libvirtd unreachable", Duration.ofSeconds(30), () -> !consoleWorks(vm));
    long detectMs = ms(k0);
    String error = consoleError(vm);
    assertThat(error).contains("libvirtd at " + h.uri() + " is unreachable; reconnecting");
    assertThat(api.vm(vm).state()).as("the inventory still knows it runs").isEqualTo("running");

    long r0 = System.nanoTime();
    lab.restartLibvirtd(h);
    long restartMs = ms(r0);
    LabApi.await("the node reconnects", Duration.ofMinutes(1), () -> consoleWorks(vm));
    long reconnectMs = ms(r0) - restartMs;
    Instant back = Instant.now();
    assertThat(LabCluster.virsh(h, "domid", vm))
        .as("libvirtd re-attached to the same guest")
        .isEqualTo(domId);
    LabApi.await(vm + " counts on", Duration.ofMinutes(1), () -> polls.counter(vm) > counted + 2);
    assertThat(polls.counters(vm)).isSorted();

    // Events: a pause and a resume made behind Vimana's back reach the inventory only through
    // libvirt's events on the new connection.
    LabCluster.virsh(h, "suspend", vm);
    LabApi.await(
        vm + " paused in the inventory",
        Duration.ofSeconds(60),
        () -> polls.state(vm).equals("paused"));
    LabCluster.virsh(h, "resume", vm);
    LabApi.await(vm + " running in the inventory", Duration.ofSeconds(60), () -> running(vm));
    assertThat(api.events(vm, 50))
        .filteredOn(e -> !e.at().isBefore(back))
        .extracting(EventView::type)
        .contains("SUSPENDED", "RESUMED");

    // Stats: a VM that did not exist before the restart gets figures, so samples are fresh.
    api.createVm(pinned("fault-vm-4", h));
    LabApi.await(
        "fresh stats of a VM born after the restart",
        BOOT,
        () -> {
          VmView v = polls.vm("fault-vm-4");
          return v.cpuPercent() != null && v.memoryUsedMib() != null && v.memoryUsedMib() > 0;
        });
    assertThat(api.host(h.name()).memoryUsedMib()).isNotNull();
    assertThat(api.vm(vm).memoryUsedMib()).isNotNull().isPositive();
    System.out.printf(
        "lab-fault: libvirtd killed -> node reported it unreachable in %d ms; restart %d ms;"
            + " node usable again %d ms after libvirtd answered%n",
        detectMs, restartMs, reconnectMs);
  }

  private LabHost host(int i) {
    return lab.hosts().get(i - 1);
  }

  private static CreateVmRequest pinned(String name, LabHost host) {
    return new CreateVmRequest(name, "lab", null, null, null, null, null, null, host.name(), null);
  }

  private boolean running(String name) {
    return polls.state(name).equals("running");
  }

  private boolean consoleWorks(String name) {
    return consoleError(name).isEmpty();
  }

  /** Why the console cannot be read through the API, "" when it can. */
  private String consoleError(String name) {
    try {
      api.console(name, 16);
      return "";
    } catch (ApiException e) {
      return String.valueOf(e.getMessage());
    }
  }

  /** Asks the host's libvirtd directly (the ground truth); fails the test if virsh fails. */
  /** As {@link LabCluster#virsh}, or null when virsh fails. */
  private static String virshQuietly(LabHost h, String... args) {
    try {
      return LabCluster.virsh(h, args);
    } catch (IOException | AssertionError e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
