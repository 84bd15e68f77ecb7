package org.vimana.manager.balance;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vimana.core.host.HostCapacity;
import org.vimana.core.host.HostInfo;
import org.vimana.core.stats.HostStats;
import org.vimana.core.stats.VmStats;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.core.workload.Workload;
import org.vimana.manager.inventory.MovingVms;
import org.vimana.manager.node.LiveHosts;
import org.vimana.manager.node.LiveHostsFixture;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.VmRecord;
import org.vimana.manager.store.jdbc.Database;
import org.vimana.manager.store.jdbc.JdbcBalanceStore;
import org.vimana.manager.store.jdbc.JdbcHostStore;
import org.vimana.manager.store.jdbc.JdbcMigrationStore;
import org.vimana.manager.store.jdbc.JdbcVmStore;

/**
 * A real inventory on an in-memory H2 database (the Flyway schema, V3 included), with live figures
 * set by hand and a fixed clock: what the balance package's unit tests build snapshots from.
 */
final class TestInventory implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final HikariDataSource db =
      Database.open("jdbc:h2:mem:balance-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
  final JdbcHostStore hosts = new JdbcHostStore(db);
  final JdbcVmStore vms = new JdbcVmStore(db);
  final JdbcMigrationStore migrations = new JdbcMigrationStore(db);
  final JdbcBalanceStore balance = new JdbcBalanceStore(db);
  final LiveHosts live = new LiveHosts();
  final MovingVms moving = new MovingVms();
  final DemandRecorder demand = new DemandRecorder(clock, 10, java.time.Duration.ofMinutes(10));
  final SnapshotBuilder snapshots =
      new SnapshotBuilder(hosts, vms, migrations, live, moving, demand, clock);
  private final List<VmRecord> all = new ArrayList<>();

  /** A host of {@code cores} x 2000 MHz and {@code memoryMib}; up when {@code up}. */
  HostRecord host(String name, int cores, long memoryMib, boolean up) {
    HostRecord h =
        hosts.upsert(
            new HostInfo(
                name, "sim", "sim 1.0", new HostCapacity(cores, 2000, memoryMib, 100), "xeon"),
            NOW);
    if (up) {
      LiveHostsFixture.up(live, h.id(), null, NOW);
    }
    return h;
  }

  VmRecord vm(
      String name, HostRecord host, int vcpus, long memoryMib, VmState state, String... tags) {
    VmRecord v =
        new VmRecord(
            UUID.randomUUID().toString(),
            new VmSpec(name, vcpus, memoryMib, 1, "", Workload.idle(), null),
            host.id(),
            state,
            null,
            List.of(tags),
            1,
            NOW,
            NOW);
    vms.insert(v);
    all.add(v);
    return v;
  }

  /** The host reports its VMs at these CPU percentages (in the order given), at {@code at}. */
  void report(HostRecord host, Instant at, Object... vmAndPercent) {
    List<VmStats> stats = new ArrayList<>();
    double sum = 0;
    for (int i = 0; i < vmAndPercent.length; i += 2) {
      VmRecord v = (VmRecord) vmAndPercent[i];
      double cpu = ((Number) vmAndPercent[i + 1]).doubleValue();
      stats.add(new VmStats(v.id(), cpu, v.spec().memoryMib() / 2, 0, 0, 0, 0));
      sum += cpu * v.spec().vcpus();
    }
    HostStats s =
        new HostStats(
            at, Math.min(100, sum / host.info().capacity().cpuCores()), 1024, List.copyOf(stats));
    LiveHostsFixture.up(live, host.id(), s, at);
    demand.record(host.id(), s);
  }

  @Override
  public void close() {
    db.close();
  }
}
