package org.vimana.balancer.state;

import java.util.ArrayList;
import java.util.List;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;

/**
 * A mutable copy of a snapshot in which a strategy moves VMs tentatively. Per host it keeps the CPU
 * demand (what the VMs ask for), the CPU allocation (demand capped at one core per vCPU), the
 * reserved memory and the VM list in arrival order, all updated in O(1) (list removal O(VMs on the
 * host)) as VMs move. Not thread-safe; one per {@code plan} call.
 */
public final class WorkingState {

  private final ClusterSnapshot snapshot;
  private final int[] hostOf;
  private final int[] originalHost;
  private final IntList[] vmsOn;
  private final double[] demand;
  private final double[] allocated;
  private final long[] memory;
  private final int[] migrations;
  private final List<Integer> movedInOrder = new ArrayList<>();
  private final boolean[] everMoved;
  private final int[] detachedFrom;

  public WorkingState(ClusterSnapshot snapshot) {
    this.snapshot = snapshot;
    int hosts = snapshot.hosts().size();
    int vms = snapshot.vms().size();
    hostOf = new int[vms];
    originalHost = new int[vms];
    vmsOn = new IntList[hosts];
    demand = new double[hosts];
    allocated = new double[hosts];
    memory = new long[hosts];
    migrations = new int[hosts];
    everMoved = new boolean[vms];
    detachedFrom = new int[vms];
    for (int h = 0; h < hosts; h++) {
      int[] on = snapshot.vmsOn(h);
      vmsOn[h] = new IntList(on.length + 2);
      for (int v : on) {
        hostOf[v] = h;
        originalHost[v] = h;
        add(v, h);
        if (snapshot.vm(v).migrating()) {
          migrations[h]++;
        }
      }
    }
  }

  public ClusterSnapshot snapshot() {
    return snapshot;
  }

  public int hostCount() {
    return vmsOn.length;
  }

  public int vmCount() {
    return hostOf.length;
  }

  public HostLoad host(int h) {
    return snapshot.host(h);
  }

  public VmLoad vm(int v) {
    return snapshot.vm(v);
  }

  /** The host VM {@code v} is on in the plan so far. */
  public int hostOf(int v) {
    return hostOf[v];
  }

  /** The host VM {@code v} was on in the snapshot. */
  public int originalHostOf(int v) {
    return originalHost[v];
  }

  /** VMs on host {@code h} in the plan so far, in arrival order (a fresh array). */
  public int[] vmsOn(int h) {
    return vmsOn[h].toArray();
  }

  public int vmCountOn(int h) {
    return vmsOn[h].size();
  }

  /** CPU asked for by the VMs on {@code h} (MIPS, uncapped). */
  public double demand(int h) {
    return demand[h];
  }

  /** CPU the VMs on {@code h} can get: each vCPU at most one core. */
  public double allocated(int h) {
    return allocated[h];
  }

  /** Demand over capacity: above 1 means the host cannot serve its VMs. */
  public double demandUtilisation(int h) {
    return demand[h] / snapshot.host(h).cpuCapacityMips();
  }

  /** CPU left for one more VM (never negative). */
  public double freeCpu(int h) {
    return Math.max(0, snapshot.host(h).cpuCapacityMips() - allocated[h]);
  }

  public long reservedMemory(int h) {
    return memory[h];
  }

  /** Migrations touching {@code h}: in flight at the snapshot plus planned so far. */
  public int migrations(int h) {
    return migrations[h];
  }

  /** What VM {@code v} would get on host {@code h}: its demand, at most one core per vCPU. */
  public double allocationOn(int v, int h) {
    VmLoad vm = snapshot.vm(v);
    double perVcpu = vm.cpuDemandMips() / vm.vcpus();
    return Math.min(perVcpu, snapshot.host(h).mipsPerCore()) * vm.vcpus();
  }

  /**
   * Takes VM {@code v} off its host without placing it (for selection loops); {@link #place} puts
   * it somewhere.
   */
  public void detach(int v) {
    int h = hostOf[v];
    if (h < 0) {
      throw new IllegalStateException("vm " + snapshot.vm(v).id() + " is already detached");
    }
    undoMigrationCount(v);
    remove(v, h);
    hostOf[v] = -1;
    detachedFrom[v] = h;
  }

  /** The host a detached VM was taken from. */
  public int detachedFrom(int v) {
    return detachedFrom[v];
  }

  /** Puts a detached VM on host {@code h}; records a planned move if it is not its origin. */
  public void place(int v, int h) {
    if (hostOf[v] >= 0) {
      throw new IllegalStateException("vm " + snapshot.vm(v).id() + " is not detached");
    }
    add(v, h);
    hostOf[v] = h;
    updateMoveBookkeeping(v);
  }

  /** Moves VM {@code v} from its current planned host to {@code h}. */
  public void move(int v, int h) {
    int from = hostOf[v];
    if (from == h) {
      return;
    }
    undoMigrationCount(v);
    remove(v, from);
    add(v, h);
    hostOf[v] = h;
    updateMoveBookkeeping(v);
  }

  /** The detached VM goes back to where it was in the snapshot. */
  public void restore(int v) {
    place(v, originalHost[v]);
  }

  /** VMs whose planned host differs from the snapshot, in the order they first moved. */
  public List<Integer> movedVms() {
    List<Integer> out = new ArrayList<>();
    for (int v : movedInOrder) {
      if (hostOf[v] != originalHost[v] && hostOf[v] >= 0) {
        out.add(v);
      }
    }
    return out;
  }

  private int countedTarget(int v) {
    return hostOf[v] >= 0 && hostOf[v] != originalHost[v] ? hostOf[v] : -1;
  }

  private void undoMigrationCount(int v) {
    int target = countedTarget(v);
    if (target >= 0) {
      migrations[target]--;
      migrations[originalHost[v]]--;
    }
  }

  private void updateMoveBookkeeping(int v) {
    int target = countedTarget(v);
    if (target >= 0) {
      migrations[target]++;
      migrations[originalHost[v]]++;
      if (!everMoved[v]) {
        everMoved[v] = true;
        movedInOrder.add(v);
      }
    }
  }

  private void add(int v, int h) {
    VmLoad vm = snapshot.vm(v);
    vmsOn[h].add(v);
    demand[h] += vm.cpuDemandMips();
    allocated[h] += allocationOn(v, h);
    memory[h] += vm.memoryReservedMib();
  }

  private void remove(int v, int h) {
    VmLoad vm = snapshot.vm(v);
    if (!vmsOn[h].removeValue(v)) {
      throw new IllegalStateException("vm " + vm.id() + " is not on host " + host(h).id());
    }
    demand[h] -= vm.cpuDemandMips();
    allocated[h] -= allocationOn(v, h);
    memory[h] -= vm.memoryReservedMib();
    if (vmsOn[h].isEmpty()) {
      demand[h] = 0;
      allocated[h] = 0;
      memory[h] = 0;
    }
  }

  /**
   * Host {@code h}'s utilisation history as CloudSim reconstructs it: slot i is the sum over its
   * current VMs of their demand i samples ago, weighted by VM capacity over host capacity; most
   * recent first, trailing zeros trimmed.
   */
  public double[] hostHistory(int h) {
    return hostHistory(h, -1);
  }

  /** {@link #hostHistory(int)} as if VM {@code extraVm} were also on {@code h} (-1 for none). */
  public double[] hostHistory(int h, int extraVm) {
    int length = 0;
    IntList on = vmsOn[h];
    for (int i = 0; i < on.size(); i++) {
      length = Math.max(length, snapshot.vm(on.get(i)).history().size());
    }
    if (extraVm >= 0) {
      length = Math.max(length, snapshot.vm(extraVm).history().size());
    }
    double[] sum = new double[length];
    double capacity = snapshot.host(h).cpuCapacityMips();
    for (int i = 0; i < on.size(); i++) {
      accumulate(sum, snapshot.vm(on.get(i)), capacity);
    }
    if (extraVm >= 0) {
      accumulate(sum, snapshot.vm(extraVm), capacity);
    }
    int n = length;
    while (n > 0 && sum[n - 1] == 0) {
      n--;
    }
    return n == length ? sum : java.util.Arrays.copyOf(sum, n);
  }

  private static void accumulate(double[] sum, VmLoad vm, double hostCapacity) {
    double weight = vm.mips() / hostCapacity;
    var history = vm.history();
    for (int i = 0; i < history.size(); i++) {
      sum[i] += history.get(i) * weight;
    }
  }
}
