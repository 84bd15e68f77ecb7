package org.vimana.sim;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vimana.core.Validation;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.driver.Snapshots;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;

/**
 * Snapshots of simulated VMs. A sim VM has no disk contents, so a snapshot keeps what it has: its
 * power state, which a revert restores (a running snapshot boots a stopped VM, a stopped one powers
 * a running VM off). Kept in memory for the life of the host process.
 */
final class SimSnapshots implements Snapshots {
  private final SimHypervisor host;
  private final Map<String, Map<String, SnapshotInfo>> byVm = new LinkedHashMap<>();

  SimSnapshots(SimHypervisor host) {
    this.host = requireNonNull(host);
  }

  @Override
  public synchronized SnapshotInfo create(String vmId, String name, String description)
      throws HypervisorException {
    Validation.name("snapshot name", name);
    VmStatus vm = require(vmId);
    Map<String, SnapshotInfo> snaps = byVm.computeIfAbsent(vmId, k -> new LinkedHashMap<>());
    if (snaps.containsKey(name)) {
      throw new HypervisorException(
          Reason.ALREADY_EXISTS, "VM " + vmId + " already has a snapshot named '" + name + "'");
    }
    SnapshotInfo s =
        new SnapshotInfo(
            name,
            description == null ? "" : description,
            host.scheduler().now(),
            vm.state().consumesResources() ? "running" : "shutoff");
    snaps.put(name, s);
    return s;
  }

  @Override
  public synchronized List<SnapshotInfo> list(String vmId) throws HypervisorException {
    require(vmId);
    return new ArrayList<>(byVm.getOrDefault(vmId, Map.of()).values());
  }

  @Override
  public void revert(String vmId, String name) throws HypervisorException {
    SnapshotInfo s;
    synchronized (this) {
      s = snapshot(vmId, name);
    }
    VmState now = require(vmId).state();
    boolean running = now.consumesResources();
    if ("running".equals(s.vmState()) && !running) {
      host.start(vmId);
    } else if (!"running".equals(s.vmState()) && running) {
      host.destroy(vmId);
    }
  }

  @Override
  public synchronized void delete(String vmId, String name) throws HypervisorException {
    snapshot(vmId, name);
    byVm.get(vmId).remove(name);
  }

  /** Forgets the snapshots of a VM that is gone from this host. */
  synchronized void forget(String vmId) {
    byVm.remove(vmId);
  }

  private SnapshotInfo snapshot(String vmId, String name) throws HypervisorException {
    require(vmId);
    SnapshotInfo s = byVm.getOrDefault(vmId, Map.of()).get(name);
    if (s == null) {
      throw new HypervisorException(
          Reason.NOT_FOUND, "VM " + vmId + " has no snapshot named '" + name + "'");
    }
    return s;
  }

  private VmStatus require(String vmId) throws HypervisorException {
    return host.find(vmId)
        .orElseThrow(
            () ->
                new HypervisorException(
                    Reason.NOT_FOUND, "no VM " + vmId + " on host " + host.host().name()));
  }
}
