package org.vimana.core.driver;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.vimana.core.event.VmEvent;
import org.vimana.core.host.HostInfo;
import org.vimana.core.stats.HostStats;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmStatus;

/**
 * One hypervisor on one host, as a node daemon drives it. Lifecycle calls start an operation and
 * return once the hypervisor has accepted it; its completion (a VM reaching RUNNING or STOPPED) is
 * reported as a {@link VmEvent} to the listeners. Implementations are thread-safe.
 */
public interface Hypervisor extends AutoCloseable {

  /** The host this hypervisor runs on. */
  HostInfo host();

  /** Every VM defined on this host, running or not. */
  List<VmStatus> list() throws HypervisorException;

  /** One VM, or empty if this host does not know it. */
  Optional<VmStatus> find(String vmId) throws HypervisorException;

  /**
   * Defines a VM (and creates its disk) without starting it.
   *
   * @param vmId the cluster-wide id the manager assigned
   */
  VmStatus define(String vmId, VmSpec spec) throws HypervisorException;

  void start(String vmId) throws HypervisorException;

  /** Asks the guest to shut down (ACPI); the VM reaches STOPPED later. */
  void shutdown(String vmId) throws HypervisorException;

  void reboot(String vmId) throws HypervisorException;

  /** Powers the VM off at once. */
  void destroy(String vmId) throws HypervisorException;

  void suspend(String vmId) throws HypervisorException;

  void resume(String vmId) throws HypervisorException;

  /** Removes a stopped VM's definition and its disk. */
  void undefine(String vmId) throws HypervisorException;

  /** Utilisation of the host and all its running VMs, taken in one bulk call. */
  HostStats stats() throws HypervisorException;

  /** Registers a listener for VM events; it is called from a driver thread and must not block. */
  void addListener(Consumer<VmEvent> listener);

  /** Releases connections and threads; VMs keep running (they belong to the host, not to us). */
  @Override
  void close();

  /** Optional capabilities that not every back end has. */
  default Optional<Migrator> migrator() {
    return Optional.empty();
  }

  /**
   * The last {@code maxBytes} bytes of the VM's serial console output ("" before its first boot).
   */
  default String consoleLog(String vmId, int maxBytes) throws HypervisorException {
    throw new HypervisorException(
        HypervisorException.Reason.UNSUPPORTED, "this host's driver keeps no console log");
  }

  /** Snapshots, where the back end keeps them. */
  default Optional<Snapshots> snapshots() {
    return Optional.empty();
  }

  /**
   * The host side of the VM's guest agent channel (a unix socket, virtio-serial port {@code
   * org.vimana.agent.0}), or empty when the VM has none or the back end offers no channels. The
   * node keeps one agent connection per running VM through it.
   */
  default Optional<Path> agentSocket(String vmId) throws HypervisorException {
    return Optional.empty();
  }
}
