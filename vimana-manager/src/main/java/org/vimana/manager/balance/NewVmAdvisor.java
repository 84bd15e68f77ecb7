package org.vimana.manager.balance;

import static org.vimana.manager.inventory.InventoryException.Kind;

import java.util.Set;
import org.vimana.balancer.placement.Advice;
import org.vimana.balancer.placement.PlacementAdvisor;
import org.vimana.balancer.placement.VmRequest;
import org.vimana.manager.inventory.InventoryException;

/**
 * Where a new VM would go and why, for tools such as Terraform and Ansible: the balancer's {@link
 * PlacementAdvisor} on the live cluster, spreading (lowest resulting load first) with the daemon's
 * hot threshold. It judges by measured demand, so it can rule out a host that the manager's own
 * allocation-based placement would still accept, and the reverse.
 */
public final class NewVmAdvisor {
  private final SnapshotBuilder snapshots;
  private final PlacementAdvisor advisor =
      new PlacementAdvisor(PlacementAdvisor.Mode.SPREAD, BalanceSettings.HOT_THRESHOLD);

  public NewVmAdvisor(SnapshotBuilder snapshots) {
    this.snapshots = snapshots;
  }

  /**
   * @param expectedCpu the VM's expected CPU use as a fraction of its vCPUs (1 = all busy)
   * @throws InventoryException {@code INVALID} for a size that makes no sense
   */
  public Advice advise(int vcpus, long memoryMib, double expectedCpu) {
    VmRequest request;
    try {
      request = new VmRequest(vcpus, memoryMib, expectedCpu, Set.of());
    } catch (IllegalArgumentException e) {
      throw new InventoryException(Kind.INVALID, e.getMessage());
    }
    LiveCluster cluster = snapshots.build(BalanceSettings.DEFAULTS.intervalSeconds(), 0);
    return advisor.advise(cluster.snapshot(), request);
  }
}
