package org.vimana.node;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.vimana.core.Validation;

/**
 * How a node daemon runs.
 *
 * @param name the host's name in the cluster
 * @param managerAddress "host:port" of the manager's node link (gRPC)
 * @param joinToken the cluster's join secret
 * @param driver hypervisor driver name ("sim", "libvirt"); null means "sim"
 * @param driverOptions driver-specific settings
 * @param reconnectDelay first retry delay after losing the manager (null: 1 s); doubles up to 10 s
 * @param commandTimeout longest a single hypervisor command may take before it is reported failed
 *     (null: 60 s)
 */
public record NodeConfig(
    String name,
    String managerAddress,
    String joinToken,
    String driver,
    Map<String, String> driverOptions,
    Duration reconnectDelay,
    Duration commandTimeout) {
  /** A host name or IPv4 address, or a bracketed IPv6 address, then a port. */
  private static final Pattern ADDRESS =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[^:\\s\\[\\]]+):[0-9]{1,5}");

  public NodeConfig {
    Validation.name("node name", name);
    checkAddress(managerAddress);
    Validation.required("joinToken", joinToken);
    driver = driver == null ? "sim" : driver;
    driverOptions = driverOptions == null ? Map.of() : Map.copyOf(driverOptions);
    reconnectDelay = reconnectDelay == null ? Duration.ofSeconds(1) : reconnectDelay;
    commandTimeout = commandTimeout == null ? Duration.ofSeconds(60) : commandTimeout;
    positive("reconnectDelay", reconnectDelay);
    positive("commandTimeout", commandTimeout);
  }

  private static void checkAddress(String address) {
    Validation.required("managerAddress", address);
    boolean ok = ADDRESS.matcher(address).matches();
    if (ok) {
      int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
      ok = port > 0 && port <= 65535;
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "manager address '" + address + "' is not HOST:PORT (port 1-65535)");
    }
  }

  private static void positive(String field, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, got " + d);
    }
  }

  /** A config with default driver options, delays and timeouts. */
  public static NodeConfig of(String name, String managerAddress, String joinToken, String driver) {
    return new NodeConfig(name, managerAddress, joinToken, driver, Map.of(), null, null);
  }
}
