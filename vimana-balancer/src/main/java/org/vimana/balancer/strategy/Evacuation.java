package org.vimana.balancer.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.vimana.balancer.plan.Reason;
import org.vimana.balancer.state.MoveLog;
import org.vimana.balancer.state.MoveRules;
import org.vimana.balancer.state.WorkingState;

/**
 * Evacuates hosts in maintenance by spreading their VMs: largest first, each to the best-scoring
 * acceptable host, but a host gets a second evacuee only when every acceptable host has had one in
 * this round, so VMs are never all dumped on one host. Affinity groups move together; pinned VMs
 * and VMs with nowhere to go stay, with a note.
 */
public final class Evacuation {

  private Evacuation() {}

  /** Evacuates every host in maintenance; returns how many VMs could not be moved. */
  public static int run(MoveRules rules, MoveLog log, TargetChooser chooser) {
    WorkingState state = rules.state();
    List<int[]> units = new ArrayList<>();
    boolean[] seen = new boolean[state.vmCount()];
    int stuck = 0;
    for (int h = 0; h < state.hostCount(); h++) {
      if (!rules.inMaintenance(h)) {
        continue;
      }
      for (int v : state.vmsOn(h)) {
        if (seen[v]) {
          continue;
        }
        int[] group = rules.colocatedGroup(v);
        for (int g : group) {
          seen[g] = true;
        }
        String why = whyNotMovable(rules, group);
        if (why != null) {
          log.note("cannot evacuate host " + state.host(h).id() + ": " + why);
          stuck += group.length;
        } else {
          units.add(group);
        }
      }
    }
    units.sort(Comparator.comparingDouble((int[] g) -> -demand(state, g)));
    boolean[] usedThisRound = new boolean[state.hostCount()];
    for (int[] group : units) {
      int target = best(rules, chooser, group, usedThisRound);
      if (target < 0) {
        Arrays.fill(usedThisRound, false);
        target = best(rules, chooser, group, usedThisRound);
      }
      if (target < 0) {
        log.note(
            "no host can take "
                + ids(state, group)
                + " from maintenance host "
                + state.host(state.hostOf(group[0])).id());
        stuck += group.length;
        continue;
      }
      usedThisRound[target] = true;
      for (int v : group) {
        log.move(
            v,
            target,
            Reason.MAINTENANCE,
            "host " + state.host(state.hostOf(v)).id() + " is in maintenance",
            0);
      }
    }
    return stuck;
  }

  private static String whyNotMovable(MoveRules rules, int[] group) {
    for (int v : group) {
      String why = rules.whyNotMovable(v, true);
      if (why != null && !why.contains("(affinity)")) {
        return why;
      }
    }
    return null;
  }

  private static int best(MoveRules rules, TargetChooser chooser, int[] group, boolean[] used) {
    int best = -1;
    double bestScore = Double.POSITIVE_INFINITY;
    for (int h = 0; h < rules.state().hostCount(); h++) {
      if (used[h] || rules.whyNotHostGroup(group, h) != null || !chooser.acceptable(group, h)) {
        continue;
      }
      double score = chooser.score(group, h);
      if (score < bestScore) {
        bestScore = score;
        best = h;
      }
    }
    return best;
  }

  static double demand(WorkingState state, int[] group) {
    double d = 0;
    for (int v : group) {
      d += state.vm(v).cpuDemandMips();
    }
    return d;
  }

  private static String ids(WorkingState state, int[] group) {
    StringBuilder b = new StringBuilder("vm");
    for (int v : group) {
      b.append(' ').append(state.vm(v).id());
    }
    return b.toString();
  }
}
