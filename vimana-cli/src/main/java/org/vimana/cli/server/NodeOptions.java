package org.vimana.cli.server;

import java.nio.file.Path;
import java.util.Map;
import org.vimana.core.Validation;

/**
 * What {@code vimana node} was asked to run, validated.
 *
 * @param name the host's name in the cluster
 * @param managerHost host name or address of the manager's node link
 * @param managerPort its port
 * @param joinToken the cluster's join token
 * @param driver the hypervisor driver ("sim", "libvirt", ...)
 * @param driverOptions options passed to the driver
 * @param stateDir where the node keeps its state (identity, driver state)
 */
public record NodeOptions(
    String name,
    String managerHost,
    int managerPort,
    String joinToken,
    String driver,
    Map<String, String> driverOptions,
    Path stateDir) {
  public NodeOptions {
    Validation.name("--name", name);
    if (joinToken == null || joinToken.isBlank()) {
      throw new IllegalArgumentException("the join token is empty");
    }
    driverOptions = Map.copyOf(driverOptions);
  }

  /** Parses {@code HOST:PORT} (or {@code [v6-address]:PORT}) of the {@code --manager} option. */
  static String[] hostAndPort(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException(
          "--manager must be HOST:PORT (the manager's --grpc-port), got '" + value + "'");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String port = value.substring(colon + 1);
    try {
      int p = Integer.parseInt(port);
      if (p < 1 || p > 65_535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--manager port must be 1..65535, got '" + port + "' in '" + value + "'", e);
    }
    return new String[] {host, port};
  }
}
