package org.vimana.balancer;

import java.util.ArrayList;
import java.util.List;
import org.vimana.balancer.cost.AntiThrashing;
import org.vimana.balancer.cost.CopyOnceCostModel;
import org.vimana.balancer.power.PowerModel;
import org.vimana.balancer.power.PowerModels;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.snapshot.Constraints;
import org.vimana.balancer.snapshot.DemandHistory;
import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;
import org.vimana.balancer.strategy.Strategies;

/** Small hand-made clusters: hosts of 2 cores x 1000 MIPS, 8 GiB; VMs of 1 vCPU x 1000 MIPS. */
public final class Fixtures {

  private final List<HostLoad> hosts = new ArrayList<>();
  private final List<VmLoad> vms = new ArrayList<>();
  private Constraints constraints = Constraints.none();
  private long time = 3600;

  public static Fixtures cluster() {
    return new Fixtures();
  }

  /** A powered-on host with VMs demanding the given fractions of one core each. */
  public Fixtures host(String id, double... vmDemands) {
    return host(id, PowerModels.HP_PROLIANT_ML110_G5, vmDemands);
  }

  /** {@link #host(String, double...)} drawing power by {@code power}. */
  public Fixtures host(String id, PowerModel power, double... vmDemands) {
    double used = 0;
    int i = 0;
    for (double d : vmDemands) {
      vms.add(vm(id + "-vm" + i++, id, d));
      used += d * 1000;
    }
    hosts.add(new HostLoad(id, 2, 1000, 8192, used, power, 100, true));
    return this;
  }

  public Fixtures offHost(String id) {
    hosts.add(new HostLoad(id, 2, 1000, 8192, 0, PowerModels.HP_PROLIANT_ML110_G5, 100, false));
    return this;
  }

  public Fixtures constraints(Constraints c) {
    constraints = c;
    return this;
  }

  public Fixtures at(long seconds) {
    time = seconds;
    return this;
  }

  /** Replaces a VM (same id). */
  public Fixtures replace(VmLoad vm) {
    vms.replaceAll(v -> v.id().equals(vm.id()) ? vm : v);
    return this;
  }

  public VmLoad vmNamed(String id) {
    return vms.stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
  }

  public ClusterSnapshot snapshot() {
    return new ClusterSnapshot(time, 300, hosts, vms, constraints);
  }

  public static VmLoad vm(String id, String host, double demand) {
    return new VmLoad(
        id,
        host,
        1,
        1000,
        1024,
        1024,
        demand * 1000,
        DemandHistory.of(demand, demand, demand),
        0,
        false,
        VmLoad.NEVER);
  }

  /** {@code vm} with another memory size (what a migration copies) and reservation. */
  public static VmLoad withMemory(VmLoad vm, long memoryMib, long reservedMib) {
    return new VmLoad(
        vm.id(),
        vm.hostId(),
        vm.vcpus(),
        vm.mips(),
        memoryMib,
        reservedMib,
        vm.cpuDemandMips(),
        vm.history(),
        vm.dirtyRate(),
        vm.migrating(),
        vm.lastMigratedAt());
  }

  public static Strategies.Settings settings() {
    return settings(AntiThrashing.NONE);
  }

  public static Strategies.Settings settings(AntiThrashing a) {
    return new Strategies.Settings(new CopyOnceCostModel(), a, 0.8, 0, 100, 7, false);
  }
}
