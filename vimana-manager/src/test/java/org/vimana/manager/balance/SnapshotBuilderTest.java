package org.vimana.manager.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.snapshot.VmLoad;
import org.vimana.core.vm.MigrationState;
import org.vimana.core.vm.VmState;
import org.vimana.manager.inventory.MovingVms;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.MigrationRecord;
import org.vimana.manager.store.VmRecord;

class SnapshotBuilderTest {
  private final TestInventory inv = new TestInventory();

  @AfterEach
  void close() {
    inv.close();
  }

  @Test
  void upHostsAndTheirVmsWithMeasuredDemandAndHistory() {
    HostRecord a = inv.host("a", 4, 8192, true);
    HostRecord b = inv.host("b", 8, 16384, true);
    VmRecord web = inv.vm("web", a, 2, 2048, VmState.RUNNING);
    VmRecord db = inv.vm("db", b, 1, 4096, VmState.RUNNING);
    inv.report(a, TestInventory.NOW.minusSeconds(10), web, 20);
    inv.report(a, TestInventory.NOW.minusSeconds(5), web, 50);
    inv.report(b, TestInventory.NOW, db, 100);

    LiveCluster c = inv.snapshots.build(300, 2);
    ClusterSnapshot s = c.snapshot();

    assertThat(s.timeSeconds()).isEqualTo(TestInventory.NOW.getEpochSecond());
    assertThat(s.intervalSeconds()).isEqualTo(300);
    assertThat(s.hosts()).extracting(h -> h.id()).containsExactlyInAnyOrder("a", "b");
    var hostA = s.findHost("a").orElseThrow();
    assertThat(hostA.cores()).isEqualTo(4);
    assertThat(hostA.mipsPerCore()).isEqualTo(2000);
    assertThat(hostA.memoryMib()).isEqualTo(8192);
    assertThat(hostA.cpuUsedMips()).isCloseTo(0.25 * 8000, within(1e-6)); // 2 vCPUs at 50 %
    VmLoad w = s.findVm("web").orElseThrow();
    assertThat(w.hostId()).isEqualTo("a");
    assertThat(w.mips()).isEqualTo(4000); // 2 vCPUs x 2000 MHz
    assertThat(w.cpuDemandMips()).isCloseTo(2000, within(1e-6)); // the latest sample, 50 %
    assertThat(w.history().toArray()).containsExactly(0.5, 0.2); // most recent first
    assertThat(w.memoryReservedMib()).isEqualTo(2048);
    assertThat(w.migrating()).isFalse();
    assertThat(w.lastMigratedAt()).isEqualTo(VmLoad.NEVER);
    assertThat(s.findVm("db").orElseThrow().demandFraction()).isCloseTo(1.0, within(1e-9));
    assertThat(c.vmIds()).containsEntry("web", web.id()).containsEntry("db", db.id());
    assertThat(s.constraints().maxMigrationsPerHost()).isEqualTo(2);
  }

  @Test
  void stoppedVmsAndDownHostsAreLeftOutWithTheReason() {
    HostRecord a = inv.host("a", 4, 8192, true);
    HostRecord down = inv.host("gone", 4, 8192, false);
    inv.vm("off", a, 1, 1024, VmState.STOPPED);
    inv.vm("stranded", down, 1, 1024, VmState.UNKNOWN);
    inv.vm("booting", a, 1, 1024, VmState.STARTING);

    LiveCluster c = inv.snapshots.build(300, 0);

    assertThat(c.snapshot().hosts()).extracting(h -> h.id()).containsExactly("a");
    assertThat(c.excluded())
        .containsEntry("off", "is stopped")
        .containsEntry("stranded", "is on host gone, which is down");
    // A starting VM holds its memory but cannot migrate: it is in, and pinned.
    assertThat(c.snapshot().findVm("booting")).isPresent();
    assertThat(c.snapshot().constraints().pinnedVms()).containsExactly("booting");
  }

  @Test
  void tagsMaintenanceMigrationsInFlightAndLastMigrationsBecomeConstraints() {
    HostRecord a = inv.host("a", 4, 8192, true);
    HostRecord b = inv.host("b", 4, 8192, true);
    inv.hosts.setMaintenance(b.id(), true);
    inv.vm("p", a, 1, 512, VmState.RUNNING, "pin");
    inv.vm("x1", a, 1, 512, VmState.RUNNING, "affinity.app");
    inv.vm("x2", b, 1, 512, VmState.RUNNING, "affinity.app", "prod");
    inv.vm("y1", a, 1, 512, VmState.RUNNING, "anti-affinity.db");
    inv.vm("y2", b, 1, 512, VmState.RUNNING, "anti-affinity.db");
    inv.vm("lonely", a, 1, 512, VmState.RUNNING, "affinity.solo");
    VmRecord moving = inv.vm("moving", a, 1, 512, VmState.RUNNING);
    VmRecord moved = inv.vm("moved", b, 1, 512, VmState.RUNNING);
    inv.moving.begin(moving.id(), new MovingVms.Move("m-1", a.id(), b.id()));
    Instant ended = TestInventory.NOW.minusSeconds(60);
    inv.migrations.insert(
        new MigrationRecord(
            "m-0",
            moved.id(),
            "moved",
            a.id(),
            b.id(),
            MigrationState.SUCCEEDED,
            300,
            0,
            ended.minusSeconds(5),
            ended,
            1000L,
            10L,
            512L,
            "ok"));

    ClusterSnapshot s = inv.snapshots.build(300, 2).snapshot();

    assertThat(s.constraints().pinnedVms()).containsExactly("p");
    assertThat(s.constraints().affinityGroups()).containsExactly(Set.of("x1", "x2"));
    assertThat(s.constraints().antiAffinityGroups()).containsExactly(Set.of("y1", "y2"));
    assertThat(s.constraints().maintenanceHosts()).containsExactly("b");
    assertThat(s.findVm("moving").orElseThrow().migrating()).isTrue();
    assertThat(s.findVm("moved").orElseThrow().lastMigratedAt()).isEqualTo(ended.getEpochSecond());
  }

  @Test
  void imbalanceIsTheDeviationOfCpuPlusThatOfMemory() {
    HostRecord a = inv.host("a", 4, 8192, true);
    inv.host("b", 4, 8192, true);
    VmRecord v = inv.vm("v", a, 4, 4096, VmState.RUNNING);
    inv.report(a, TestInventory.NOW, v, 100);
    // CPU 1.0 and 0.0: deviation 0.5; memory 0.5 and 0.0: deviation 0.25.
    assertThat(inv.snapshots.build(300, 0).imbalance()).isCloseTo(0.75, within(1e-9));
  }
}
