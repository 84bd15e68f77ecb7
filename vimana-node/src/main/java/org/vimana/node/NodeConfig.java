package org.vimana.node;

import java.time.Duration;
import java.util.Map;
import org.vimana.core.Validation;

/**
 * How a node daemon runs.
 *
 * @param name the host's name in the cluster
 * @param managerAddress "host:port" of the manager's node link (gRPC)
 * @param joinToken the cluster's join secret
 * @param driver hypervisor driver name ("sim", "libvirt")
 * @param driverOptions driver-specific settings
 * @param reconnectDelay first retry delay after losing the manager; doubles up to 10 s
 * @param commandTimeout longest a single hypervisor command may take before it is reported failed
 */
public record NodeConfig(
    String name,
    String managerAddress,
    String joinToken,
    String driver,
    Map<String, String> driverOptions,
    Duration reconnectDelay,
    Duration commandTimeout) {
  public NodeConfig {
    Validation.name("node name", name);
    Validation.required("managerAddress", managerAddress);
    if (!managerAddress.matches("[^:]+:[0-9]{1,5}")) {
      throw new IllegalArgumentException(
          "manager address '" + managerAddress + "' is not HOST:PORT");
    }
    Validation.required("joinToken", joinToken);
    driver = driver == null ? "sim" : driver;
    driverOptions = driverOptions == null ? Map.of() : Map.copyOf(driverOptions);
    reconnectDelay = reconnectDelay == null ? Duration.ofSeconds(1) : reconnectDelay;
    commandTimeout = commandTimeout == null ? Duration.ofSeconds(60) : commandTimeout;
  }

  /** A config with default driver options, delays and timeouts. */
  public static NodeConfig of(String name, String managerAddress, String joinToken, String driver) {
    return new NodeConfig(name, managerAddress, joinToken, driver, Map.of(), null, null);
  }
}
