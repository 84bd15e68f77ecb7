package org.vimana.balancer.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vimana.balancer.cost.AntiThrashing;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.snapshot.Constraints;
import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;

/**
 * Whether a VM may move, and whether a host may receive it: the constraints of the snapshot (pinned
 * VMs, maintenance hosts, affinity and anti-affinity, concurrency), hard capacity (cores, CPU,
 * memory) and the VM's cool-down. A strategy adds its own load limit on top (no new hot spot).
 * {@link #whyNotHost} explains a refusal in words, for notes and the placement advisor.
 */
public final class MoveRules {

  private final WorkingState state;
  private final AntiThrashing antiThrashing;
  private final boolean[] pinned;
  private final boolean[] maintenance;
  private final int[][] affinityGroupsOf;
  private final int[][] antiAffinityGroupsOf;
  private final int[][] affinityMembers;
  private final int[][] antiAffinityMembers;
  private final int maxMigrations;

  public MoveRules(WorkingState state, AntiThrashing antiThrashing) {
    this.state = state;
    this.antiThrashing = antiThrashing;
    ClusterSnapshot snap = state.snapshot();
    Constraints c = snap.constraints();
    pinned = new boolean[state.vmCount()];
    for (String id : c.pinnedVms()) {
      pinned[snap.vmIndex(id)] = true;
    }
    maintenance = new boolean[state.hostCount()];
    for (String id : c.maintenanceHosts()) {
      maintenance[snap.hostIndex(id)] = true;
    }
    affinityMembers = members(snap, c.affinityGroups());
    antiAffinityMembers = members(snap, c.antiAffinityGroups());
    affinityGroupsOf = groupsOf(state.vmCount(), affinityMembers);
    antiAffinityGroupsOf = groupsOf(state.vmCount(), antiAffinityMembers);
    maxMigrations = c.maxMigrationsPerHost();
  }

  public WorkingState state() {
    return state;
  }

  public boolean inMaintenance(int h) {
    return maintenance[h];
  }

  public boolean pinned(int v) {
    return pinned[v];
  }

  /**
   * Whether VM {@code v} may leave its host on its own: not pinned, not migrating, not tied by an
   * affinity group to a VM on the same host, within concurrency, and (unless {@code mandatory}, as
   * for an evacuation) cooled down.
   */
  public boolean movable(int v, boolean mandatory) {
    return whyNotMovable(v, mandatory) == null;
  }

  /** Why {@code v} may not move, or null. */
  public String whyNotMovable(int v, boolean mandatory) {
    VmLoad vm = state.vm(v);
    if (pinned[v]) {
      return "vm " + vm.id() + " is pinned";
    }
    if (vm.migrating()) {
      return "vm " + vm.id() + " is already migrating";
    }
    if (!mandatory && !antiThrashing.cooledDown(vm, state.snapshot().timeSeconds())) {
      return "vm " + vm.id() + " is cooling down after its last migration";
    }
    int h = state.hostOf(v);
    for (int g : affinityGroupsOf[v]) {
      for (int other : affinityMembers[g]) {
        if (other != v && state.hostOf(other) == h) {
          return "vm " + vm.id() + " must stay with " + state.vm(other).id() + " (affinity)";
        }
      }
    }
    if (h >= 0 && !concurrencyLeft(h, state.originalHostOf(v))) {
      return "host " + state.host(h).id() + " has reached its migration limit";
    }
    return null;
  }

  /**
   * Whether host {@code h} can take VM {@code v}: capacity and constraints (not the load limit).
   */
  public boolean canHost(int v, int h) {
    return check(v, h) == Refusal.NONE;
  }

  /** Why host {@code h} cannot take VM {@code v}, or null. */
  public String whyNotHost(int v, int h) {
    HostLoad host = state.host(h);
    VmLoad vm = state.vm(v);
    return switch (check(v, h)) {
      case NONE -> null;
      case SAME_HOST -> "vm " + vm.id() + " is already on " + host.id();
      case MAINTENANCE -> "host " + host.id() + " is in maintenance";
      case CORES ->
          "host " + host.id() + " has " + host.cores() + " cores < " + vm.vcpus() + " vCPUs";
      case CORE_SPEED -> "host " + host.id() + " cores are too slow for vm " + vm.id();
      case CPU ->
          String.format(
              "host %s has %.0f MIPS free < %.0f asked by vm %s",
              host.id(), state.freeCpu(h), vm.cpuDemandMips(), vm.id());
      case MEMORY ->
          "host "
              + host.id()
              + " has "
              + (host.memoryMib() - state.reservedMemory(h))
              + " MiB free < "
              + vm.memoryReservedMib()
              + " MiB of vm "
              + vm.id();
      case ANTI_AFFINITY ->
          "vm "
              + vm.id()
              + " must not share a host with "
              + state.vm(antiAffinityConflict(v, h)).id()
              + " (anti-affinity)";
      case AFFINITY -> "vm " + vm.id() + " may only join the other members of its affinity group";
      case CONCURRENCY -> "host " + host.id() + " has reached its migration limit";
    };
  }

  /** Why a host cannot take a VM. */
  private enum Refusal {
    NONE,
    SAME_HOST,
    MAINTENANCE,
    CORES,
    CORE_SPEED,
    CPU,
    MEMORY,
    ANTI_AFFINITY,
    AFFINITY,
    CONCURRENCY
  }

  private Refusal check(int v, int h) {
    if (state.hostOf(v) == h) {
      return Refusal.SAME_HOST;
    }
    if (maintenance[h]) {
      return Refusal.MAINTENANCE;
    }
    VmLoad vm = state.vm(v);
    if (state.freeCpu(h) < vm.cpuDemandMips()) {
      return Refusal.CPU;
    }
    HostLoad host = state.host(h);
    if (host.memoryMib() - state.reservedMemory(h) < vm.memoryReservedMib()) {
      return Refusal.MEMORY;
    }
    if (vm.vcpus() > host.cores()) {
      return Refusal.CORES;
    }
    if (vm.cpuDemandMips() / vm.vcpus() > host.mipsPerCore()) {
      return Refusal.CORE_SPEED;
    }
    if (antiAffinityConflict(v, h) >= 0) {
      return Refusal.ANTI_AFFINITY;
    }
    if (!affinityAllows(v, h)) {
      return Refusal.AFFINITY;
    }
    int origin = state.originalHostOf(v);
    if (h != origin && !concurrencyLeft(h, origin)) {
      return Refusal.CONCURRENCY;
    }
    return Refusal.NONE;
  }

  private int antiAffinityConflict(int v, int h) {
    for (int g : antiAffinityGroupsOf[v]) {
      for (int other : antiAffinityMembers[g]) {
        if (other != v && state.hostOf(other) == h) {
          return other;
        }
      }
    }
    return -1;
  }

  /** A VM of an affinity group may only go where another member already is. */
  private boolean affinityAllows(int v, int h) {
    for (int g : affinityGroupsOf[v]) {
      boolean memberThere = false;
      for (int other : affinityMembers[g]) {
        if (other != v && state.hostOf(other) == h) {
          memberThere = true;
        }
      }
      if (!memberThere) {
        return false;
      }
    }
    return true;
  }

  private boolean concurrencyLeft(int h, int origin) {
    if (maxMigrations == 0) {
      return true;
    }
    return state.migrations(h) < maxMigrations
        && (origin == h || state.migrations(origin) < maxMigrations);
  }

  /**
   * Why host {@code h} cannot take the whole {@code group} (VMs now on one host, moving together),
   * or null. A single VM is checked as by {@link #whyNotHost}.
   */
  public String whyNotHostGroup(int[] group, int h) {
    if (group.length == 1) {
      return whyNotHost(group[0], h);
    }
    HostLoad host = state.host(h);
    if (maintenance[h]) {
      return "host " + host.id() + " is in maintenance";
    }
    double cpu = 0;
    long mem = 0;
    for (int v : group) {
      VmLoad vm = state.vm(v);
      if (state.hostOf(v) == h) {
        return "vm " + vm.id() + " is already on " + host.id();
      }
      if (vm.vcpus() > host.cores() || vm.cpuDemandMips() / vm.vcpus() > host.mipsPerCore()) {
        return "host " + host.id() + " cores cannot run vm " + vm.id();
      }
      cpu += vm.cpuDemandMips();
      mem += vm.memoryReservedMib();
      for (int g : antiAffinityGroupsOf[v]) {
        for (int other : antiAffinityMembers[g]) {
          if (other != v && state.hostOf(other) == h) {
            return "vm "
                + vm.id()
                + " must not share a host with "
                + state.vm(other).id()
                + " (anti-affinity)";
          }
        }
      }
    }
    if (state.freeCpu(h) < cpu) {
      return String.format(
          "host %s has %.0f MIPS free < %.0f for the group", host.id(), state.freeCpu(h), cpu);
    }
    if (host.memoryMib() - state.reservedMemory(h) < mem) {
      return "host " + host.id() + " lacks memory for the group (" + mem + " MiB)";
    }
    if (maxMigrations > 0 && state.migrations(h) + group.length > maxMigrations) {
      return "host " + host.id() + " has reached its migration limit";
    }
    // each member still on its original host adds a migration there too
    int source = state.hostOf(group[0]);
    int fromSource = 0;
    for (int v : group) {
      if (state.originalHostOf(v) == source) {
        fromSource++;
      }
    }
    if (maxMigrations > 0 && state.migrations(source) + fromSource > maxMigrations) {
      return "host " + state.host(source).id() + " has reached its migration limit";
    }
    return null;
  }

  /** The affinity group members on the same host as {@code v}, {@code v} included. */
  public int[] colocatedGroup(int v) {
    List<Integer> out = new ArrayList<>();
    out.add(v);
    int h = state.hostOf(v);
    for (int g : affinityGroupsOf[v]) {
      for (int other : affinityMembers[g]) {
        if (other != v && state.hostOf(other) == h && !out.contains(other)) {
          out.add(other);
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Whether VM {@code v} belongs to an affinity group. */
  public boolean inAffinityGroup(int v) {
    return affinityGroupsOf[v].length > 0;
  }

  private static int[][] members(ClusterSnapshot snap, List<Set<String>> groups) {
    int[][] out = new int[groups.size()][];
    for (int g = 0; g < groups.size(); g++) {
      out[g] =
          groups.get(g).stream()
              .mapToInt(
                  id -> {
                    int v = snap.vmIndex(id);
                    if (v < 0) {
                      throw new IllegalArgumentException("affinity rule names unknown vm " + id);
                    }
                    return v;
                  })
              .sorted()
              .toArray();
    }
    return out;
  }

  private static int[][] groupsOf(int vmCount, int[][] members) {
    Map<Integer, List<Integer>> byVm = new HashMap<>();
    for (int g = 0; g < members.length; g++) {
      for (int v : members[g]) {
        byVm.computeIfAbsent(v, k -> new ArrayList<>()).add(g);
      }
    }
    int[][] out = new int[vmCount][];
    for (int v = 0; v < vmCount; v++) {
      List<Integer> gs = byVm.get(v);
      out[v] = gs == null ? new int[0] : gs.stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }
}
