package org.vimana.balancer.strategy.consolidation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.vimana.balancer.cost.AntiThrashing;
import org.vimana.balancer.cost.MigrationCostModel;
import org.vimana.balancer.plan.Plan;
import org.vimana.balancer.plan.Reason;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.state.MoveLog;
import org.vimana.balancer.state.MoveRules;
import org.vimana.balancer.state.WorkingState;
import org.vimana.balancer.strategy.Evacuation;
import org.vimana.balancer.strategy.Strategy;

/**
 * Dynamic consolidation (Beloglazov and Buyya 2012), in CloudSim 4.0's order:
 *
 * <ol>
 *   <li>hosts in maintenance are evacuated (spread, see {@link Evacuation});
 *   <li>every host the detector calls overloaded gives up VMs chosen by the selector, one at a
 *       time, until the detector is satisfied;
 *   <li>those VMs, largest demand first, go where power grows least ({@link PowerAwarePlacement}),
 *       never to an overloaded host, never making a loaded host overloaded;
 *   <li>then hosts are tried for emptying, least utilised first (there is no under-load threshold):
 *       a host is emptied only if all its VMs fit on other active hosts, and hosts that received
 *       VMs are not emptied in the same plan; emptied hosts are switched off.
 * </ol>
 *
 * A VM moved twice while planning (onto a lightly loaded host that is then emptied) migrates once,
 * straight to its final host, unless {@code chainMoves} asks for both hops as CloudSim issues them
 * (to reproduce its migration counts).
 */
public final class Consolidation implements Strategy {

  private final String name;
  private final OverloadDetector detector;
  private final VmSelector selector;
  private final MigrationCostModel costModel;
  private final AntiThrashing antiThrashing;
  private final long seed;
  private final boolean chainMoves;

  public Consolidation(
      String name,
      OverloadDetector detector,
      VmSelector selector,
      MigrationCostModel costModel,
      AntiThrashing antiThrashing,
      long seed,
      boolean chainMoves) {
    this.name = name;
    this.chainMoves = chainMoves;
    this.detector = detector;
    this.selector = selector;
    this.costModel = costModel;
    this.antiThrashing = antiThrashing;
    this.seed = seed;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Plan plan(ClusterSnapshot snapshot) {
    WorkingState state = new WorkingState(snapshot);
    MoveRules rules = new MoveRules(state, antiThrashing);
    MoveLog log = new MoveLog(state);
    PowerAwarePlacement placement = new PowerAwarePlacement(rules, detector);
    Random random = new Random(seed * 1_000_003L + snapshot.timeSeconds());
    int hosts = state.hostCount();
    boolean[] overloaded = new boolean[hosts];
    List<Integer> overloadedList = new ArrayList<>();
    for (int h = 0; h < hosts; h++) {
      if (!rules.inMaintenance(h) && state.vmCountOn(h) > 0 && detector.overloaded(state, h)) {
        overloaded[h] = true;
        overloadedList.add(h);
      }
    }
    int[] before = new int[hosts];
    for (int h = 0; h < hosts; h++) {
      before[h] = state.vmCountOn(h);
    }
    Evacuation.run(rules, log, placement);
    boolean[] receivedEvacuees = new boolean[hosts];
    for (int h = 0; h < hosts; h++) {
      receivedEvacuees[h] = state.vmCountOn(h) > before[h];
    }
    relieveOverloaded(state, rules, log, placement, random, overloaded, overloadedList);
    emptyUnderloaded(state, rules, log, placement, overloaded, receivedEvacuees);
    return log.toPlan(name, costModel, true, chainMoves);
  }

  private void relieveOverloaded(
      WorkingState state,
      MoveRules rules,
      MoveLog log,
      PowerAwarePlacement placement,
      Random random,
      boolean[] overloaded,
      List<Integer> overloadedList) {
    List<Integer> toPlace = new ArrayList<>();
    for (int h : overloadedList) {
      final int host = h;
      while (true) {
        int v =
            selector.select(
                state, host, x -> state.hostOf(x) == host && rules.movable(x, false), random);
        if (v < 0) {
          break;
        }
        state.detach(v);
        toPlace.add(v);
        if (!detector.overloaded(state, host)) {
          break;
        }
      }
    }
    toPlace.sort(Comparator.comparingDouble(v -> -state.vm(v).cpuDemandMips()));
    boolean[] excluded = overloaded.clone();
    for (int h = 0; h < excluded.length; h++) {
      excluded[h] |= rules.inMaintenance(h);
    }
    for (int v : toPlace) {
      int target = placement.find(v, excluded);
      if (target < 0) {
        state.restore(v);
        log.note(
            "no host can take vm "
                + state.vm(v).id()
                + " from overloaded host "
                + state.host(state.hostOf(v)).id());
        continue;
      }
      var source = state.host(state.originalHostOf(v));
      log.place(
          v,
          target,
          Reason.OVERLOAD,
          String.format("host %s overloaded by %s", source.id(), detector.name()),
          state.vm(v).cpuDemandMips() / source.cpuCapacityMips());
    }
  }

  private void emptyUnderloaded(
      WorkingState state,
      MoveRules rules,
      MoveLog log,
      PowerAwarePlacement placement,
      boolean[] overloaded,
      boolean[] receivedEvacuees) {
    int hosts = state.hostCount();
    boolean[] notCandidate = new boolean[hosts];
    boolean[] notTarget = new boolean[hosts];
    int excludedCount = 0;
    for (int h = 0; h < hosts; h++) {
      var host = state.host(h);
      boolean off = !host.poweredOn() || host.cpuUsedMips() == 0;
      boolean out =
          overloaded[h]
              || off
              || rules.inMaintenance(h)
              || hasMigration(state, h)
              || receivedEvacuees[h];
      notCandidate[h] = out;
      notTarget[h] = overloaded[h] || off || rules.inMaintenance(h);
      excludedCount += out ? 1 : 0;
    }
    while (excludedCount < hosts) {
      int u = leastUtilised(state, notCandidate);
      if (u < 0) {
        return;
      }
      notCandidate[u] = true;
      notTarget[u] = true;
      excludedCount++;
      List<Integer> targets = tryEmpty(state, rules, log, placement, u, notTarget);
      for (int t : targets) {
        if (!notCandidate[t]) {
          notCandidate[t] = true;
          excludedCount++;
        }
      }
    }
  }

  /** Moves all VMs off {@code u} if they all fit; returns the hosts that received them. */
  private List<Integer> tryEmpty(
      WorkingState state,
      MoveRules rules,
      MoveLog log,
      PowerAwarePlacement placement,
      int u,
      boolean[] notTarget) {
    int[] vms = state.vmsOn(u);
    for (int v : vms) {
      if (!rules.movable(v, false)) {
        return List.of();
      }
    }
    Integer[] order = java.util.Arrays.stream(vms).boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(order, Comparator.comparingDouble(v -> -state.vm(v).cpuDemandMips()));
    List<Integer> targets = new ArrayList<>();
    for (int v : order) {
      int t = placement.find(v, notTarget);
      if (t < 0) {
        for (int i = targets.size() - 1; i >= 0; i--) {
          state.move(order[i], u);
        }
        return List.of();
      }
      state.move(v, t);
      targets.add(t);
    }
    var host = state.host(u);
    double saved = host.powerModel().watts(host.cpuUtilisation()) / order.length;
    for (int v : order) {
      log.record(
          v,
          u,
          Reason.UNDERLOAD,
          String.format(
              "host %s at %.0f%% emptied to switch it off", host.id(), 100 * host.cpuUtilisation()),
          saved);
    }
    return targets;
  }

  private static int leastUtilised(WorkingState state, boolean[] excluded) {
    int best = -1;
    double min = 1;
    for (int h = 0; h < state.hostCount(); h++) {
      double u = state.host(h).cpuUtilisation();
      if (!excluded[h] && u > 0 && u < min) {
        min = u;
        best = h;
      }
    }
    return best;
  }

  private static boolean hasMigration(WorkingState state, int h) {
    for (int v : state.snapshot().vmsOn(h)) {
      if (state.vm(v).migrating()) {
        return true;
      }
    }
    return false;
  }
}
