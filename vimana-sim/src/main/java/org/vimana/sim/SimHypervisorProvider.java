package org.vimana.sim;

import java.util.Map;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorProvider;

/**
 * The {@code sim} driver: opens a {@link SimHypervisor} in real time with the options of {@link
 * SimHostOptions#parse}. Registered for {@link java.util.ServiceLoader}.
 */
public final class SimHypervisorProvider implements HypervisorProvider {

  @Override
  public String name() {
    return SimHypervisor.DRIVER;
  }

  @Override
  public Hypervisor open(String hostName, Map<String, String> options) throws HypervisorException {
    return SimHypervisor.open(hostName, options);
  }
}
