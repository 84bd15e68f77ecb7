package org.vimana.balancer.strategy;

import org.vimana.balancer.state.MoveRules;
import org.vimana.balancer.state.WorkingState;

/**
 * Normalised load of the hosts a balancing strategy works on (powered on, not in maintenance): CPU
 * demand over CPU capacity and reserved memory over memory, with running sums so the standard
 * deviation after a candidate move is computed in O(1).
 *
 * <p>CPU demand is either the demand now (as the {@link WorkingState} keeps it) or, when built with
 * a per-VM estimate, the sum of the estimates of each host's VMs; that sum is then kept here and
 * updated by {@link #moved}. Either way a target is acceptable only if its demand now stays within
 * the hot threshold, so an estimate never hides a hot spot.
 */
final class LoadBalance implements TargetChooser {

  private final WorkingState state;
  private final boolean[] member;
  private final double hotThreshold;
  private final double[] vmDemand;
  private final double[] hostDemand;
  private int count;
  private double sumCpu;
  private double sumCpu2;
  private double sumMem;
  private double sumMem2;

  /** Balances the demand now. */
  LoadBalance(MoveRules rules, double hotThreshold) {
    this(rules, hotThreshold, null);
  }

  /**
   * Balances {@code vmDemandMips} (per VM index; null for the demand now), e.g. an estimate from
   * each VM's history.
   */
  LoadBalance(MoveRules rules, double hotThreshold, double[] vmDemandMips) {
    this.state = rules.state();
    this.hotThreshold = hotThreshold;
    this.vmDemand = vmDemandMips;
    this.hostDemand = vmDemandMips == null ? null : new double[state.hostCount()];
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

  /** Recomputes every sum from the state (after moves this object was not told of). */
  void recompute() {
    if (hostDemand != null) {
      for (int h = 0; h < hostDemand.length; h++) {
        double d = 0;
        for (int v : state.vmsOn(h)) {
          d += vmDemand[v];
        }
        hostDemand[h] = d;
      }
    }
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

  /**
   * Updates the sums after VM {@code v} moved from {@code s} to {@code t} in the state: in O(1)
   * when balancing an estimate, by {@link #recompute()} otherwise.
   */
  void moved(int v, int s, int t) {
    if (hostDemand == null) {
      recompute();
      return;
    }
    long mib = state.vm(v).memoryReservedMib();
    double oldCpuS = cpu(s);
    double oldCpuT = cpu(t);
    hostDemand[s] -= vmDemand[v];
    hostDemand[t] += vmDemand[v];
    update(s, oldCpuS, mem(s) + memShare(mib, s));
    update(t, oldCpuT, mem(t) - memShare(mib, t));
  }

  private void update(int h, double oldCpu, double oldMem) {
    if (!member[h]) {
      return;
    }
    double c = cpu(h);
    double m = mem(h);
    sumCpu += c - oldCpu;
    sumCpu2 += c * c - oldCpu * oldCpu;
    sumMem += m - oldMem;
    sumMem2 += m * m - oldMem * oldMem;
  }

  /** The demand balanced for VM {@code v}, MIPS. */
  double demandOf(int v) {
    return vmDemand == null ? state.vm(v).cpuDemandMips() : vmDemand[v];
  }

  /** Balanced CPU load of host {@code h}: demand (or estimate) over capacity. */
  double cpu(int h) {
    return hostDemand == null ? state.demandUtilisation(h) : hostDemand[h] / capacity(h);
  }

  private double capacity(int h) {
    return state.host(h).cpuCapacityMips();
  }

  double mem(int h) {
    long capacity = state.host(h).memoryMib();
    return capacity == 0 ? 0 : (double) state.reservedMemory(h) / capacity;
  }

  double meanCpu() {
    return count == 0 ? 0 : sumCpu / count;
  }

  double meanMem() {
    return count == 0 ? 0 : sumMem / count;
  }

  /** Standard deviation of CPU load plus standard deviation of memory load. */
  double imbalance() {
    return sd(sumCpu, sumCpu2) + sd(sumMem, sumMem2);
  }

  /** {@link #imbalance()} if VM {@code v} moved from {@code s} to {@code t}. */
  double imbalanceAfter(int v, int s, int t) {
    var vm = state.vm(v);
    double dcs = demandOf(v) / capacity(s);
    double dct = demandOf(v) / capacity(t);
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

  /** Balanced CPU load of {@code h} with {@code group} added. */
  double cpuWith(int[] group, int h) {
    double d = hostDemand == null ? state.demand(h) : hostDemand[h];
    for (int v : group) {
      d += demandOf(v);
    }
    return d / capacity(h);
  }

  /** CPU load of {@code h} now (not estimated) with {@code group} added. */
  double cpuNowWith(int[] group, int h) {
    double d = state.demand(h);
    for (int v : group) {
      d += state.vm(v).cpuDemandMips();
    }
    return d / capacity(h);
  }

  @Override
  public boolean acceptable(int[] group, int h) {
    return member[h]
        && cpuWith(group, h) <= hotThreshold
        && (hostDemand == null || cpuNowWith(group, h) <= hotThreshold);
  }

  @Override
  public double score(int[] group, int h) {
    return cpuWith(group, h) + mem(h);
  }
}
