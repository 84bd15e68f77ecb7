package org.vimana.balancer.cost;

/**
 * The estimated cost of one live migration.
 *
 * @param seconds from start to switch-over on the target
 * @param downtimeSeconds how long the guest is paused at switch-over
 * @param transferredMib memory sent over the network, all rounds together
 */
public record MigrationCost(double seconds, double downtimeSeconds, double transferredMib) {

  public MigrationCost {
    if (!(seconds >= 0) || !(downtimeSeconds >= 0) || !(transferredMib >= 0)) {
      throw new IllegalArgumentException(
          "migration cost figures must be >= 0: "
              + seconds
              + ", "
              + downtimeSeconds
              + ", "
              + transferredMib);
    }
  }
}
