package org.vimana.driver.libvirt;

import java.time.Clock;
import java.util.Map;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorProvider;

/** The "libvirt" driver; its options are described by {@link LibvirtOptions}. */
public final class LibvirtHypervisorProvider implements HypervisorProvider {

  @Override
  public String name() {
    return "libvirt";
  }

  @Override
  public Hypervisor open(String hostName, Map<String, String> options) throws HypervisorException {
    return LibvirtHypervisor.open(hostName, LibvirtOptions.parse(options), Clock.systemUTC());
  }
}
