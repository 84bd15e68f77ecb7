package org.vimana.driver.libvirt.xml;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.vimana.core.vm.VmSpec;

/**
 * Everything the domain XML is made from.
 *
 * @param uuid the VM's cluster-wide id, used as the domain UUID
 * @param spec the VM's spec (also stored in the domain's metadata)
 * @param domainType libvirt's domain type: qemu (TCG), kvm, xen or test
 * @param kernel for direct kernel boot: the kernel, initrd and command line
 * @param disk the root disk (a qcow2 overlay), if any
 * @param consoleLog file the serial console is copied to
 * @param agentSocket host side of the guest agent's virtio-serial channel
 */
public record DomainPlan(
    UUID uuid,
    VmSpec spec,
    String domainType,
    Optional<KernelBoot> kernel,
    Optional<Path> disk,
    Path consoleLog,
    Path agentSocket) {

  /** The name of the guest agent's virtio-serial port. */
  public static final String AGENT_CHANNEL = "org.vimana.agent.0";

  /** Direct kernel boot: libvirt hands these files to the hypervisor. */
  public record KernelBoot(Path kernel, Path initrd, String cmdline) {}
}
