package org.vimana.balancer.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;

/**
 * Ranks the hosts a new VM could go to. A host is ruled out when it is in maintenance or off, has
 * fewer cores than the VM has vCPUs, lacks the memory, would be pushed above the hot threshold, or
 * runs a VM the new one must avoid. The rest are ranked by the {@link Mode}: spread (lowest
 * resulting load, the default, as balancing prefers) or pack (least power added, then tightest fit,
 * as consolidation prefers).
 */
public final class PlacementAdvisor {

  /** How candidates are ranked. */
  public enum Mode {
    SPREAD,
    PACK
  }

  private final Mode mode;
  private final double hotThreshold;

  public PlacementAdvisor(Mode mode, double hotThreshold) {
    if (!(hotThreshold > 0 && hotThreshold <= 1)) {
      throw new IllegalArgumentException("hot threshold must be within (0, 1]");
    }
    this.mode = mode;
    this.hotThreshold = hotThreshold;
  }

  public Advice advise(ClusterSnapshot snapshot, VmRequest request) {
    List<Candidate> ranked = new ArrayList<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    for (int h = 0; h < snapshot.hosts().size(); h++) {
      HostLoad host = snapshot.host(h);
      double demand = 0;
      long memory = 0;
      String conflict = null;
      for (int v : snapshot.vmsOn(h)) {
        VmLoad vm = snapshot.vm(v);
        demand += vm.cpuDemandMips();
        memory += vm.memoryReservedMib();
        if (request.antiAffinityWith().contains(vm.id())) {
          conflict = vm.id();
        }
      }
      double cpuAdded = request.vcpus() * host.mipsPerCore() * request.expectedCpuShare();
      double cpuBefore = demand / host.cpuCapacityMips();
      double cpuAfter = (demand + cpuAdded) / host.cpuCapacityMips();
      String why = refusal(snapshot, host, request, memory, cpuAfter, conflict);
      if (why != null) {
        rejected.put(host.id(), why);
        continue;
      }
      double memAfter = (double) (memory + request.memoryMib()) / host.memoryMib();
      double watts =
          host.powerModel().watts(Math.min(1, cpuAfter))
              - host.powerModel().watts(Math.min(1, cpuBefore));
      double score =
          mode == Mode.SPREAD
              ? Math.max(cpuAfter, memAfter)
              : watts / host.powerModel().maxWatts() - Math.max(cpuAfter, memAfter);
      List<String> reasons = new ArrayList<>();
      reasons.add(
          String.format(
              "cpu %.0f%% -> %.0f%% of %.0f MIPS",
              100 * cpuBefore, 100 * cpuAfter, host.cpuCapacityMips()));
      reasons.add(
          String.format(
              "memory %d -> %d of %d MiB", memory, memory + request.memoryMib(), host.memoryMib()));
      reasons.add(String.format("power +%.1f W", watts));
      reasons.add(
          mode == Mode.SPREAD
              ? "spread: lowest resulting load first"
              : "pack: least power added, then fullest host first");
      ranked.add(new Candidate(host.id(), score, cpuAfter, memAfter, watts, reasons));
    }
    ranked.sort(Comparator.comparingDouble(Candidate::score).thenComparing(Candidate::hostId));
    return new Advice(ranked, rejected);
  }

  private String refusal(
      ClusterSnapshot snapshot,
      HostLoad host,
      VmRequest request,
      long memory,
      double cpuAfter,
      String conflict) {
    if (snapshot.constraints().maintenanceHosts().contains(host.id())) {
      return "in maintenance";
    }
    if (!host.poweredOn()) {
      return "powered off";
    }
    if (host.cores() < request.vcpus()) {
      return "has " + host.cores() + " cores, the VM has " + request.vcpus() + " vCPUs";
    }
    if (host.memoryMib() - memory < request.memoryMib()) {
      return "has "
          + (host.memoryMib() - memory)
          + " MiB free, the VM needs "
          + request.memoryMib();
    }
    if (cpuAfter > hotThreshold) {
      return String.format(
          "CPU would reach %.0f%% > %.0f%% hot threshold", 100 * cpuAfter, 100 * hotThreshold);
    }
    if (conflict != null) {
      return "runs " + conflict + " (anti-affinity)";
    }
    return null;
  }
}
