package org.vimana.balancer.plan;

import java.util.Set;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;

/**
 * Re-checks a planned move against the cluster as it is now, just before it runs: a plan made stale
 * by a concurrent change (the VM moved, stopped, or started migrating; the target filled up, went
 * into maintenance, or gained a VM the moving one must avoid) is dropped or deferred, never forced.
 * Affinity is not re-checked here: a group moves member by member.
 */
public final class PlanChecker {

  private final double hotThreshold;

  /**
   * @param hotThreshold a move may not push its target's CPU demand above this fraction
   */
  public PlanChecker(double hotThreshold) {
    if (!(hotThreshold > 0)) {
      throw new IllegalArgumentException("hot threshold must be positive");
    }
    this.hotThreshold = hotThreshold;
  }

  public Verdict recheck(Move move, ClusterSnapshot now) {
    int v = now.vmIndex(move.vmId());
    if (v < 0) {
      return Verdict.stale("vm " + move.vmId() + " no longer exists");
    }
    VmLoad vm = now.vm(v);
    if (!vm.hostId().equals(move.sourceHostId())) {
      return Verdict.stale(
          "vm " + vm.id() + " is now on " + vm.hostId() + ", not " + move.sourceHostId());
    }
    if (vm.migrating()) {
      return Verdict.stale("vm " + vm.id() + " is already migrating");
    }
    if (now.constraints().pinnedVms().contains(vm.id())) {
      return Verdict.infeasible("vm " + vm.id() + " is pinned");
    }
    int t = now.hostIndex(move.targetHostId());
    if (t < 0) {
      return Verdict.infeasible("target " + move.targetHostId() + " no longer exists");
    }
    HostLoad target = now.host(t);
    if (now.constraints().maintenanceHosts().contains(target.id())) {
      return Verdict.infeasible("target " + target.id() + " is in maintenance");
    }
    if (!target.poweredOn()) {
      return Verdict.defer("target " + target.id() + " is not powered on yet");
    }
    return checkTarget(vm, target, t, now);
  }

  private Verdict checkTarget(VmLoad vm, HostLoad target, int t, ClusterSnapshot now) {
    double demand = 0;
    long memory = 0;
    int migrating = 0;
    for (int other : now.vmsOn(t)) {
      VmLoad o = now.vm(other);
      demand += o.cpuDemandMips();
      memory += o.memoryReservedMib();
      migrating += o.migrating() ? 1 : 0;
      for (Set<String> group : now.constraints().antiAffinityGroups()) {
        if (group.contains(vm.id()) && group.contains(o.id())) {
          return Verdict.infeasible(
              "target " + target.id() + " now runs " + o.id() + " (anti-affinity)");
        }
      }
    }
    if (vm.vcpus() > target.cores() || vm.cpuDemandMips() / vm.vcpus() > target.mipsPerCore()) {
      return Verdict.infeasible("target " + target.id() + " cores cannot run vm " + vm.id());
    }
    if (target.memoryMib() - memory < vm.memoryReservedMib()) {
      return Verdict.infeasible(
          "target " + target.id() + " now has only " + (target.memoryMib() - memory) + " MiB free");
    }
    double after = (demand + vm.cpuDemandMips()) / target.cpuCapacityMips();
    if (after > hotThreshold) {
      return Verdict.infeasible(
          String.format(
              "target %s would reach %.0f%% CPU > %.0f%%: it would become a hot spot",
              target.id(), 100 * after, 100 * hotThreshold));
    }
    int limit = now.constraints().maxMigrationsPerHost();
    if (limit > 0) {
      int sourceMigrating = 0;
      for (int other : now.vmsOn(now.hostIndex(vm.hostId()))) {
        sourceMigrating += now.vm(other).migrating() ? 1 : 0;
      }
      if (migrating >= limit || sourceMigrating >= limit) {
        return Verdict.defer("migration limit of " + limit + " per host reached");
      }
    }
    return Verdict.OK;
  }
}
