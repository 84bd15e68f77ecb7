package org.vimana.manager.balance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vimana.balancer.power.PowerModel;
import org.vimana.balancer.power.SpecPowerModel;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.snapshot.Constraints;
import org.vimana.balancer.snapshot.DemandHistory;
import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;
import org.vimana.core.host.HostCapacity;
import org.vimana.core.stats.HostStats;
import org.vimana.core.vm.MigrationState;
import org.vimana.core.vm.VmAction;
import org.vimana.core.vm.VmLifecycle;
import org.vimana.core.vm.VmState;
import org.vimana.manager.inventory.MovingVms;
import org.vimana.manager.node.HostLive;
import org.vimana.manager.node.LiveHosts;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.HostStore;
import org.vimana.manager.store.MigrationRecord;
import org.vimana.manager.store.MigrationStore;
import org.vimana.manager.store.VmRecord;
import org.vimana.manager.store.VmStore;

/**
 * Turns the inventory and the live figures into a cluster snapshot. Hosts that are up take part
 * (their cores, clock and memory as capacity; in maintenance per their record); a host's CPU unit
 * is its core clock, so a VM's capacity is vCPUs x MHz and its demand that times its measured CPU
 * fraction. Every VM that holds resources on an up host is in (stopped and crashed ones hold
 * nothing); only running and paused ones may move: the others (defined, starting, ...) are pinned,
 * as are VMs tagged {@code pin}. Memory is the VM's size (the manager never overcommits memory).
 * Constraints come from tags ({@link TagRules}); VMs being migrated are flagged, and each VM's last
 * successful migration feeds the cool-down.
 */
public final class SnapshotBuilder {
  /**
   * No power tables are known for real hosts: a linear 100-200 W stand-in, so placement advice can
   * still prefer hosts whose load adds the least; its watt figures are estimates.
   */
  static final PowerModel GENERIC_POWER =
      SpecPowerModel.of("generic", 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200);

  /** MiB/s assumed for migrations (1 GiB/s, a 10 Gbit/s link shared with other traffic). */
  static final double BANDWIDTH_MIB_S = 1000;

  /**
   * Fraction of its memory a guest is assumed to re-dirty per second (the sim driver's default).
   */
  static final double DIRTY_RATE = 0.02;

  private static final int RECENT_MIGRATIONS = 1000;

  private final HostStore hosts;
  private final VmStore vms;
  private final MigrationStore migrations;
  private final LiveHosts live;
  private final MovingVms moving;
  private final DemandRecorder demand;
  private final Clock clock;

  public SnapshotBuilder(
      HostStore hosts,
      VmStore vms,
      MigrationStore migrations,
      LiveHosts live,
      MovingVms moving,
      DemandRecorder demand,
      Clock clock) {
    this.hosts = hosts;
    this.vms = vms;
    this.migrations = migrations;
    this.live = live;
    this.moving = moving;
    this.demand = demand;
    this.clock = clock;
  }

  /**
   * The cluster now.
   *
   * @param intervalSeconds the planning interval (how far predictions look ahead)
   * @param maxMigrationsPerHost the concurrency limit the snapshot carries (0: none)
   */
  public LiveCluster build(long intervalSeconds, int maxMigrationsPerHost) {
    Map<String, HostRecord> allHosts = new HashMap<>();
    Map<String, HostLoad> upHosts = new LinkedHashMap<>();
    Set<String> maintenance = new HashSet<>();
    for (HostRecord h : hosts.list()) {
      allHosts.put(h.id(), h);
      if (live.up(h.id())) {
        upHosts.put(h.id(), host(h));
        if (h.maintenance()) {
          maintenance.add(h.name());
        }
      }
    }
    Map<String, Long> lastMigrated = lastMigrations();
    List<VmLoad> loads = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    Map<String, String> excluded = new HashMap<>();
    Map<String, List<String>> tags = new HashMap<>();
    Set<String> immovable = new HashSet<>();
    for (VmRecord vm : vms.list(null, null, null)) {
      HostLoad host = upHosts.get(vm.hostId());
      if (host == null) {
        HostRecord h = allHosts.get(vm.hostId());
        excluded.put(
            vm.name(), "is on host " + (h == null ? vm.hostId() : h.name()) + ", which is down");
        continue;
      }
      if (!holdsResources(vm.state())) {
        excluded.put(vm.name(), "is " + vm.state().wireName());
        continue;
      }
      loads.add(vm(vm, host, lastMigrated.getOrDefault(vm.id(), VmLoad.NEVER)));
      ids.put(vm.name(), vm.id());
      tags.put(vm.name(), vm.tags());
      if (!VmLifecycle.accepts(vm.state(), VmAction.MIGRATE)) {
        immovable.add(vm.name());
      }
    }
    Constraints constraints =
        TagRules.constraints(tags, immovable, maintenance, maxMigrationsPerHost);
    ClusterSnapshot snapshot =
        new ClusterSnapshot(
            clock.instant().getEpochSecond(),
            intervalSeconds,
            List.copyOf(upHosts.values()),
            loads,
            constraints);
    return new LiveCluster(snapshot, ids, excluded);
  }

  /** As the allocation ledger counts: every VM but a stopped or crashed one holds its resources. */
  static boolean holdsResources(VmState state) {
    return state != VmState.STOPPED && state != VmState.CRASHED;
  }

  private HostLoad host(HostRecord h) {
    HostCapacity cap = h.info().capacity();
    HostStats stats = live.get(h.id()).map(HostLive::stats).orElse(null);
    double used = stats == null ? 0 : stats.cpuPercent() / 100.0 * cap.totalMhz();
    return new HostLoad(
        h.name(),
        cap.cpuCores(),
        cap.cpuMhz(),
        cap.memoryMib(),
        Math.max(0, used),
        GENERIC_POWER,
        BANDWIDTH_MIB_S,
        true);
  }

  private VmLoad vm(VmRecord vm, HostLoad host, long lastMigratedAt) {
    int vcpus = vm.spec().vcpus();
    double mips = vcpus * host.mipsPerCore();
    DemandHistory history = demand.cpu(vm.id());
    double now = history.size() == 0 ? 0 : history.get(0);
    boolean migrating = vm.state() == VmState.MIGRATING || moving.of(vm.id()).isPresent();
    return new VmLoad(
        vm.name(),
        host.id(),
        vcpus,
        mips,
        vm.spec().memoryMib(),
        vm.spec().memoryMib(),
        now * mips,
        history,
        DIRTY_RATE,
        migrating,
        lastMigratedAt);
  }

  /** VM id to the epoch second its last successful migration ended. */
  private Map<String, Long> lastMigrations() {
    Map<String, Long> out = new HashMap<>();
    for (MigrationRecord m : migrations.recent(null, RECENT_MIGRATIONS)) {
      if (m.state() == MigrationState.SUCCEEDED && m.endedAt() != null) {
        out.merge(m.vmId(), m.endedAt().getEpochSecond(), Math::max);
      }
    }
    return out;
  }
}
