package org.vimana.balancer.strategy;

import org.vimana.balancer.state.MoveRules;
import org.vimana.balancer.state.WorkingState;

/**
 * Normalised load of the hosts a balancing strategy works on (powered on, not in maintenance): CPU
 * demand over CPU capacity and reserved memory over memory, with running sums so the standard
 * deviation after a candidate move is computed in O(1).
 */
final class LoadBalance implements TargetChooser {

  private final MoveRules rules;
  private final WorkingState state;
  private final boolean[] member;
  private final double hotThreshold;
  private int count;
  private double sumCpu;
  private double sumCpu2;
  private double sumMem;
  private double sumMem2;

  LoadBalance(MoveRules rules, double hotThreshold) {
    this.rules = rules;
    this.state = rules.state();
    this.hotThreshold = hotThreshold;
    member = new boolean[state.hostCount()];
    for (int h = 0; h < member.length; h++) {
      member[h] = state.host(h).poweredOn() && !rules.inMaintenance(h);
      if (member[h]) {
        count++;
      }
    }
    recompute();
  }

  /** Number of hosts balanced over. */
  int size() {
    return count;
  }

  boolean member(int h) {
    return member[h];
  }

  void recompute() {
    sumCpu = sumCpu2 = sumMem = sumMem2 = 0;
    for (int h = 0; h < member.length; h++) {
      if (member[h]) {
        double c = cpu(h);
        double m = mem(h);
        sumCpu += c;
        sumCpu2 += c * c;
        sumMem += m;
        sumMem2 += m * m;
      }
    }
  }

  double cpu(int h) {
    return state.demandUtilisation(h);
  }

  double mem(int h) {
    long capacity = state.host(h).memoryMib();
    return capacity == 0 ? 0 : (double) state.reservedMemory(h) / capacity;
  }

  double meanCpu() {
    return count == 0 ? 0 : sumCpu / count;
  }

  /** Standard deviation of CPU load plus standard deviation of memory load. */
  double imbalance() {
    return sd(sumCpu, sumCpu2) + sd(sumMem, sumMem2);
  }

  /** {@link #imbalance()} if VM {@code v} moved from {@code s} to {@code t}. */
  double imbalanceAfter(int v, int s, int t) {
    var vm = state.vm(v);
    double dcs = vm.cpuDemandMips() / state.host(s).cpuCapacityMips();
    double dct = vm.cpuDemandMips() / state.host(t).cpuCapacityMips();
    double dms = memShare(vm.memoryReservedMib(), s);
    double dmt = memShare(vm.memoryReservedMib(), t);
    double cs = cpu(s);
    double ct = cpu(t);
    double ms = mem(s);
    double mt = mem(t);
    double c1 = sumCpu - dcs + dct;
    double c2 = sumCpu2 - cs * cs - ct * ct + (cs - dcs) * (cs - dcs) + (ct + dct) * (ct + dct);
    double m1 = sumMem - dms + dmt;
    double m2 = sumMem2 - ms * ms - mt * mt + (ms - dms) * (ms - dms) + (mt + dmt) * (mt + dmt);
    return sd(c1, c2) + sd(m1, m2);
  }

  private double memShare(long mib, int h) {
    long capacity = state.host(h).memoryMib();
    return capacity == 0 ? 0 : (double) mib / capacity;
  }

  private double sd(double sum, double sum2) {
    if (count == 0) {
      return 0;
    }
    double mean = sum / count;
    return Math.sqrt(Math.max(0, sum2 / count - mean * mean));
  }

  /** CPU load of {@code h} with {@code group} added. */
  double cpuWith(int[] group, int h) {
    double d = state.demand(h);
    for (int v : group) {
      d += state.vm(v).cpuDemandMips();
    }
    return d / state.host(h).cpuCapacityMips();
  }

  @Override
  public boolean acceptable(int[] group, int h) {
    return member[h] && cpuWith(group, h) <= hotThreshold;
  }

  @Override
  public double score(int[] group, int h) {
    return cpuWith(group, h) + mem(h);
  }

  MoveRules rules() {
    return rules;
  }
}
