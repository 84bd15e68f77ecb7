package org.vimana.balancer.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vimana.balancer.cost.MigrationCostModel;
import org.vimana.balancer.plan.HostPowerAction;
import org.vimana.balancer.plan.Move;
import org.vimana.balancer.plan.Plan;
import org.vimana.balancer.plan.Reason;

/**
 * Why each VM moved, kept beside a {@link WorkingState}, and the assembly of the final {@link
 * Plan}: one move per VM from its snapshot host to its planned host (a VM moved twice while
 * planning migrates once), power-on actions for hosts that were off and receive VMs, power-off
 * actions for hosts the plan empties (when the strategy switches hosts off).
 */
public final class MoveLog {

  private final WorkingState state;
  private final Reason[] reasons;
  private final String[] details;
  private final double[] gains;
  private final List<String> notes = new ArrayList<>();
  private final List<Hop> hops = new ArrayList<>();

  private record Hop(int vm, int from, int to, Reason reason) {}

  public MoveLog(WorkingState state) {
    this.state = state;
    reasons = new Reason[state.vmCount()];
    details = new String[state.vmCount()];
    gains = new double[state.vmCount()];
  }

  /** Moves VM {@code v} to {@code h} in the state and records why (the first reason is kept). */
  public void move(int v, int h, Reason reason, String detail, double gain) {
    int from = state.hostOf(v);
    state.move(v, h);
    record(v, from, reason, detail, gain);
  }

  /** Places a detached VM on {@code h} and records why. */
  public void place(int v, int h, Reason reason, String detail, double gain) {
    int from = state.detachedFrom(v);
    state.place(v, h);
    record(v, from, reason, detail, gain);
  }

  /**
   * Records why VM {@code v} moved from host {@code from} to where it is now, for a move already
   * made in the state.
   */
  public void record(int v, int from, Reason reason, String detail, double gain) {
    hops.add(new Hop(v, from, state.hostOf(v), reason));
    if (reasons[v] == null) {
      reasons[v] = reason;
      details[v] = detail;
    } else {
      details[v] = details[v] + "; then " + detail;
    }
    gains[v] += gain;
  }

  /** Something the strategy could not do, for the operator. */
  public void note(String text) {
    notes.add(text);
  }

  /** The plan: moves in first-move order, then power actions. */
  public Plan toPlan(String strategy, MigrationCostModel costModel, boolean switchOffEmptied) {
    return toPlan(strategy, costModel, switchOffEmptied, false);
  }

  /**
   * The plan. With {@code chained}, a VM moved twice while planning keeps both hops as moves, in
   * the order they were planned (CloudSim issues both migrations); otherwise it migrates once, to
   * its final host.
   */
  public Plan toPlan(
      String strategy, MigrationCostModel costModel, boolean switchOffEmptied, boolean chained) {
    List<Move> moves = new ArrayList<>();
    Map<Integer, String> powerOn = new TreeMap<>();
    if (chained) {
      for (Hop hop : hops) {
        int v = hop.vm();
        var source = state.host(hop.from());
        var target = state.host(hop.to());
        if (hop.from() == hop.to()) {
          continue;
        }
        moves.add(
            new Move(
                state.vm(v).id(),
                source.id(),
                target.id(),
                hop.reason(),
                details[v],
                gains[v],
                costModel.estimate(state.vm(v), source, target)));
        if (!target.poweredOn()) {
          powerOn.put(hop.to(), "receives vm " + state.vm(v).id());
        }
      }
      return new Plan(strategy, moves, powerActions(powerOn, switchOffEmptied), notes);
    }
    for (int v : state.movedVms()) {
      int from = state.originalHostOf(v);
      int to = state.hostOf(v);
      var source = state.host(from);
      var target = state.host(to);
      moves.add(
          new Move(
              state.vm(v).id(),
              source.id(),
              target.id(),
              reasons[v] == null ? Reason.IMBALANCE : reasons[v],
              details[v] == null ? "" : details[v],
              gains[v],
              costModel.estimate(state.vm(v), source, target)));
      if (!target.poweredOn()) {
        powerOn.put(to, "receives vm " + state.vm(v).id());
      }
    }
    return new Plan(strategy, moves, powerActions(powerOn, switchOffEmptied), notes);
  }

  private List<HostPowerAction> powerActions(Map<Integer, String> powerOn, boolean switchOff) {
    List<HostPowerAction> actions = new ArrayList<>();
    powerOn.forEach((h, why) -> actions.add(new HostPowerAction(state.host(h).id(), true, why)));
    if (switchOff) {
      for (int h = 0; h < state.hostCount(); h++) {
        if (state.host(h).poweredOn()
            && state.snapshot().vmCountOn(h) > 0
            && state.vmCountOn(h) == 0) {
          actions.add(new HostPowerAction(state.host(h).id(), false, "emptied by the plan"));
        }
      }
    }
    return actions;
  }
}
