package org.vimana.balancer.snapshot;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Rules that every strategy honours.
 *
 * @param affinityGroups VMs in one group must run on the same host (a move never splits a group
 *     that is together; a split group may only gather)
 * @param antiAffinityGroups VMs in one group must run on different hosts
 * @param pinnedVms VMs that must not move at all
 * @param maintenanceHosts hosts to evacuate: their VMs are spread over the hosts that fit best, and
 *     nothing moves onto them
 * @param maxMigrationsPerHost most migrations in flight per host, in or out, counting those already
 *     running; 0 means no limit
 */
public record Constraints(
    List<Set<String>> affinityGroups,
    List<Set<String>> antiAffinityGroups,
    Set<String> pinnedVms,
    Set<String> maintenanceHosts,
    int maxMigrationsPerHost) {

  private static final Constraints NONE =
      new Constraints(List.of(), List.of(), Set.of(), Set.of(), 0);

  public Constraints {
    affinityGroups = copyGroups(affinityGroups, "affinityGroups");
    antiAffinityGroups = copyGroups(antiAffinityGroups, "antiAffinityGroups");
    pinnedVms = Set.copyOf(Objects.requireNonNull(pinnedVms, "pinnedVms"));
    maintenanceHosts = Set.copyOf(Objects.requireNonNull(maintenanceHosts, "maintenanceHosts"));
    if (maxMigrationsPerHost < 0) {
      throw new IllegalArgumentException(
          "maxMigrationsPerHost must be >= 0 (0 = no limit), got " + maxMigrationsPerHost);
    }
  }

  /** No rules, no limit. */
  public static Constraints none() {
    return NONE;
  }

  public Constraints withAffinity(Set<String> group) {
    return new Constraints(
        append(affinityGroups, group),
        antiAffinityGroups,
        pinnedVms,
        maintenanceHosts,
        maxMigrationsPerHost);
  }

  public Constraints withAntiAffinity(Set<String> group) {
    return new Constraints(
        affinityGroups,
        append(antiAffinityGroups, group),
        pinnedVms,
        maintenanceHosts,
        maxMigrationsPerHost);
  }

  public Constraints withPinned(Set<String> vms) {
    return new Constraints(
        affinityGroups, antiAffinityGroups, vms, maintenanceHosts, maxMigrationsPerHost);
  }

  public Constraints withMaintenance(Set<String> hosts) {
    return new Constraints(
        affinityGroups, antiAffinityGroups, pinnedVms, hosts, maxMigrationsPerHost);
  }

  public Constraints withMaxMigrationsPerHost(int max) {
    return new Constraints(affinityGroups, antiAffinityGroups, pinnedVms, maintenanceHosts, max);
  }

  private static List<Set<String>> copyGroups(List<Set<String>> groups, String what) {
    Objects.requireNonNull(groups, what);
    for (Set<String> g : groups) {
      if (g.size() < 2) {
        throw new IllegalArgumentException(what + ": a group needs at least 2 VMs, got " + g);
      }
    }
    return groups.stream().map(Set::copyOf).toList();
  }

  private static List<Set<String>> append(List<Set<String>> groups, Set<String> group) {
    var out = new java.util.ArrayList<>(groups);
    out.add(group);
    return out;
  }
}
