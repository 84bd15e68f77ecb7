package org.vimana.manager.balance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vimana.balancer.snapshot.Constraints;

/**
 * Placement rules that operators give VMs as tags (tags allow letters, digits, {@code .}, {@code -}
 * and {@code _}, so the group name follows a dot):
 *
 * <ul>
 *   <li>{@code pin} — the VM is never moved by the balancer;
 *   <li>{@code affinity.NAME} — VMs sharing the tag stay together on one host;
 *   <li>{@code anti-affinity.NAME} — VMs sharing the tag run on different hosts.
 * </ul>
 *
 * {@code affinity:NAME} and {@code anti-affinity:NAME} are read too, for VMs tagged by other means.
 * A group needs two members among the VMs in the snapshot; a lone member has nothing to keep.
 */
public final class TagRules {
  public static final String PIN = "pin";
  private static final String[] AFFINITY = {"affinity.", "affinity:"};
  private static final String[] ANTI_AFFINITY = {"anti-affinity.", "anti-affinity:"};

  private TagRules() {}

  /**
   * The constraints of these VMs (by snapshot id), with the given pinned VMs and hosts in
   * maintenance added.
   */
  public static Constraints constraints(
      Map<String, List<String>> tagsByVm,
      Set<String> alsoPinned,
      Set<String> maintenanceHosts,
      int maxMigrationsPerHost) {
    Set<String> pinned = new HashSet<>(alsoPinned);
    Map<String, Set<String>> affinity = new TreeMap<>();
    Map<String, Set<String>> antiAffinity = new TreeMap<>();
    tagsByVm.forEach(
        (vm, tags) -> {
          for (String tag : tags) {
            if (tag.equals(PIN)) {
              pinned.add(vm);
            }
            String anti = group(tag, ANTI_AFFINITY);
            if (anti != null) {
              antiAffinity.computeIfAbsent(anti, g -> new TreeSet<>()).add(vm);
            } else {
              String with = group(tag, AFFINITY);
              if (with != null) {
                affinity.computeIfAbsent(with, g -> new TreeSet<>()).add(vm);
              }
            }
          }
        });
    return new Constraints(
        groups(affinity), groups(antiAffinity), pinned, maintenanceHosts, maxMigrationsPerHost);
  }

  private static String group(String tag, String[] prefixes) {
    for (String p : prefixes) {
      if (tag.startsWith(p) && tag.length() > p.length()) {
        return tag.substring(p.length());
      }
    }
    return null;
  }

  private static List<Set<String>> groups(Map<String, Set<String>> byName) {
    List<Set<String>> out = new ArrayList<>();
    for (Set<String> g : byName.values()) {
      if (g.size() >= 2) {
        out.add(g);
      }
    }
    return out;
  }
}
