package org.vimana.node.driver;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorProvider;

/** The drivers on the class path, by name. */
public final class Drivers {
  private Drivers() {}

  public static List<String> available() {
    return ServiceLoader.load(HypervisorProvider.class).stream()
        .map(p -> p.get().name())
        .sorted()
        .toList();
  }

  /**
   * Opens the driver called {@code name}.
   *
   * @throws IllegalArgumentException naming the available drivers when there is none by that name
   */
  public static Hypervisor open(String name, String hostName, Map<String, String> options)
      throws HypervisorException {
    for (HypervisorProvider p : ServiceLoader.load(HypervisorProvider.class)) {
      if (p.name().equals(name)) {
        return p.open(hostName, options);
      }
    }
    throw new IllegalArgumentException(
        "unknown driver '" + name + "'; available: " + String.join(", ", available()));
  }
}
