package org.vimana.node.command;

import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.driver.Migrator;

/** What the three migration handlers share: finding the driver's migrator. */
final class MigrationHandlers {
  private MigrationHandlers() {}

  static Migrator migrator(Hypervisor hypervisor) throws HypervisorException {
    return hypervisor
        .migrator()
        .orElseThrow(
            () ->
                new HypervisorException(
                    Reason.UNSUPPORTED, "this host's driver does not support live migration"));
  }

  static String requireVmId(String vmId, String command) {
    if (vmId.isEmpty()) {
      throw new IllegalArgumentException(command + ": vm_id is required");
    }
    return vmId;
  }
}
