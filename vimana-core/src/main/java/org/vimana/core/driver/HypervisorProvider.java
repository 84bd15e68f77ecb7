package org.vimana.core.driver;

import java.util.Map;

/**
 * Opens hypervisors of one kind. Drivers register an implementation under {@code
 * META-INF/services/org.vimana.core.driver.HypervisorProvider}; the node picks one by {@link
 * #name()}.
 */
public interface HypervisorProvider {

  /** The driver's name as operators type it ("sim", "libvirt"). */
  String name();

  /**
   * Opens a hypervisor.
   *
   * @param hostName the name the host is known by in the cluster
   * @param options driver-specific settings (for libvirt its URI; for sim the host's capacity)
   * @throws IllegalArgumentException naming the option when an option is unknown or malformed
   */
  Hypervisor open(String hostName, Map<String, String> options) throws HypervisorException;
}
