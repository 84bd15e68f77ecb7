package org.vimana.balancer.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The cluster at one instant: hosts, the VMs on them (in each host's arrival order), the
 * constraints, the snapshot time and the planning interval. Immutable and validated: ids are
 * unique, every VM runs on a known host, constraint names refer to known VMs and hosts.
 */
public final class ClusterSnapshot {

  private final long timeSeconds;
  private final long intervalSeconds;
  private final List<HostLoad> hosts;
  private final List<VmLoad> vms;
  private final Constraints constraints;
  private final Map<String, Integer> hostIndex;
  private final Map<String, Integer> vmIndex;
  private final int[][] vmsByHost;

  /**
   * @param timeSeconds when the snapshot was taken (virtual or wall-clock seconds; strategies only
   *     compare it with {@link VmLoad#lastMigratedAt()})
   * @param intervalSeconds how often plans are made (predictions look this far ahead)
   */
  public ClusterSnapshot(
      long timeSeconds,
      long intervalSeconds,
      List<HostLoad> hosts,
      List<VmLoad> vms,
      Constraints constraints) {
    if (intervalSeconds <= 0) {
      throw new IllegalArgumentException(
          "intervalSeconds must be positive, got " + intervalSeconds);
    }
    this.timeSeconds = timeSeconds;
    this.intervalSeconds = intervalSeconds;
    this.hosts = List.copyOf(hosts);
    this.vms = List.copyOf(vms);
    this.constraints = Objects.requireNonNull(constraints, "constraints");
    this.hostIndex = new HashMap<>(hosts.size() * 2);
    for (int i = 0; i < this.hosts.size(); i++) {
      if (hostIndex.put(this.hosts.get(i).id(), i) != null) {
        throw new IllegalArgumentException("duplicate host id " + this.hosts.get(i).id());
      }
    }
    this.vmIndex = new HashMap<>(vms.size() * 2);
    int[] counts = new int[this.hosts.size()];
    int[] hostOf = new int[this.vms.size()];
    for (int i = 0; i < this.vms.size(); i++) {
      VmLoad vm = this.vms.get(i);
      if (vmIndex.put(vm.id(), i) != null) {
        throw new IllegalArgumentException("duplicate vm id " + vm.id());
      }
      Integer h = hostIndex.get(vm.hostId());
      if (h == null) {
        throw new IllegalArgumentException(
            "vm " + vm.id() + " runs on unknown host " + vm.hostId());
      }
      hostOf[i] = h;
      counts[h]++;
    }
    this.vmsByHost = new int[this.hosts.size()][];
    for (int h = 0; h < counts.length; h++) {
      vmsByHost[h] = new int[counts[h]];
      counts[h] = 0;
    }
    for (int i = 0; i < hostOf.length; i++) {
      vmsByHost[hostOf[i]][counts[hostOf[i]]++] = i;
    }
    validateConstraints();
  }

  private void validateConstraints() {
    List<String> unknown = new ArrayList<>();
    for (String h : constraints.maintenanceHosts()) {
      if (!hostIndex.containsKey(h)) {
        unknown.add("maintenance host " + h);
      }
    }
    for (String v : constraints.pinnedVms()) {
      if (!vmIndex.containsKey(v)) {
        unknown.add("pinned vm " + v);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("constraints name unknown objects: " + unknown);
    }
  }

  public long timeSeconds() {
    return timeSeconds;
  }

  public long intervalSeconds() {
    return intervalSeconds;
  }

  public List<HostLoad> hosts() {
    return hosts;
  }

  public List<VmLoad> vms() {
    return vms;
  }

  public Constraints constraints() {
    return constraints;
  }

  public HostLoad host(int index) {
    return hosts.get(index);
  }

  public VmLoad vm(int index) {
    return vms.get(index);
  }

  /** Index of a host in {@link #hosts()}, or -1. */
  public int hostIndex(String id) {
    Integer i = hostIndex.get(id);
    return i == null ? -1 : i;
  }

  /** Index of a VM in {@link #vms()}, or -1. */
  public int vmIndex(String id) {
    Integer i = vmIndex.get(id);
    return i == null ? -1 : i;
  }

  public Optional<HostLoad> findHost(String id) {
    int i = hostIndex(id);
    return i < 0 ? Optional.empty() : Optional.of(hosts.get(i));
  }

  public Optional<VmLoad> findVm(String id) {
    int i = vmIndex(id);
    return i < 0 ? Optional.empty() : Optional.of(vms.get(i));
  }

  /** Indices of the VMs on host {@code hostIndex}, in arrival order (a fresh array). */
  public int[] vmsOn(int hostIndex) {
    return vmsByHost[hostIndex].clone();
  }

  /** Number of VMs on host {@code hostIndex}. */
  public int vmCountOn(int hostIndex) {
    return vmsByHost[hostIndex].length;
  }

  /** The same cluster with other constraints. */
  public ClusterSnapshot withConstraints(Constraints other) {
    return new ClusterSnapshot(timeSeconds, intervalSeconds, hosts, vms, other);
  }

  /** The same cluster at another time. */
  public ClusterSnapshot at(long otherTimeSeconds) {
    return new ClusterSnapshot(otherTimeSeconds, intervalSeconds, hosts, vms, constraints);
  }
}
