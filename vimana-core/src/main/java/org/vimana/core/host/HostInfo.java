package org.vimana.core.host;

import org.vimana.core.Validation;

/**
 * A host as its hypervisor driver describes it.
 *
 * @param name host name, unique in a cluster
 * @param driver the driver in use ("sim", "libvirt", ...)
 * @param hypervisor hypervisor kind and version, for operators ("sim 1.0", "QEMU 7.2 via libvirt
 *     9.0")
 * @param capacity what the host offers to guests
 * @param cpuModel CPU model name, used by migration compatibility checks
 */
public record HostInfo(
    String name, String driver, String hypervisor, HostCapacity capacity, String cpuModel) {
  public HostInfo {
    Validation.name("host name", name);
    Validation.required("driver", driver);
    Validation.required("hypervisor", hypervisor);
    Validation.required("capacity", capacity);
    Validation.required("cpuModel", cpuModel);
  }
}
