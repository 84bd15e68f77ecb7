package org.vimana.balancer.strategy;

import java.util.HashMap;
import java.util.Map;
import org.vimana.balancer.plan.Move;
import org.vimana.balancer.plan.Plan;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.snapshot.VmLoad;

/** Applies a plan to a snapshot's demands, for assertions on the result. */
public final class PlanAssert {

  private PlanAssert() {}

  /** Host id to CPU demand over capacity after every move of the plan. */
  public static Map<String, Double> loadsAfter(ClusterSnapshot s, Plan plan) {
    Map<String, String> hostOf = new HashMap<>();
    for (VmLoad vm : s.vms()) {
      hostOf.put(vm.id(), vm.hostId());
    }
    for (Move m : plan.moves()) {
      hostOf.put(m.vmId(), m.targetHostId());
    }
    Map<String, Double> out = new HashMap<>();
    s.hosts().forEach(h -> out.put(h.id(), 0.0));
    for (VmLoad vm : s.vms()) {
      String h = hostOf.get(vm.id());
      out.merge(h, vm.cpuDemandMips() / s.findHost(h).orElseThrow().cpuCapacityMips(), Double::sum);
    }
    return out;
  }

  public static String hostAfter(Plan plan, String vm, String original) {
    String h = original;
    for (Move m : plan.moves()) {
      if (m.vmId().equals(vm)) {
        h = m.targetHostId();
      }
    }
    return h;
  }

  /** The net gain a move's detail reports ("... net gain 0.724 ..."). */
  public static double netGain(Move m) {
    String d = m.detail();
    String tail = d.substring(d.indexOf("net gain ") + "net gain ".length());
    return Double.parseDouble(tail.substring(0, tail.indexOf(' ')));
  }
}
