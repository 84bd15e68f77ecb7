package org.vimana.node.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * How the relay talks to the agents.
 *
 * @param statusInterval how often a Vimana agent pushes its status ({@code vimana-subscribe}); a
 *     qemu-guest-agent, which cannot push, is pinged this often instead
 * @param retryInterval between two attempts to reach an agent that has not answered (yet)
 * @param connectTimeout for the socket, the resync and the capability probe of one attempt
 * @param pingTimeout for the liveness ping when pushes stopped coming
 * @param commandTimeout for an operator's command that names no timeout
 * @param sweepInterval between two full reconciliations with the hypervisor's VM list (events
 *     missed while the driver reconnected)
 * @param topProcesses how many top processes each pushed status carries
 */
public record RelayOptions(
    Duration statusInterval,
    Duration retryInterval,
    Duration connectTimeout,
    Duration pingTimeout,
    Duration commandTimeout,
    Duration sweepInterval,
    int topProcesses) {

  public static final RelayOptions DEFAULT =
      new RelayOptions(
          Duration.ofSeconds(10),
          Duration.ofSeconds(1),
          Duration.ofSeconds(3),
          Duration.ofSeconds(3),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          5);

  /** Longest command timeout an operator may ask for. */
  public static final Duration MAX_COMMAND_TIMEOUT = Duration.ofMinutes(2);

  public RelayOptions {
    positive("statusInterval", statusInterval);
    positive("retryInterval", retryInterval);
    positive("connectTimeout", connectTimeout);
    positive("pingTimeout", pingTimeout);
    positive("commandTimeout", commandTimeout);
    positive("sweepInterval", sweepInterval);
    if (statusInterval.toMillis() < 100) {
      throw new IllegalArgumentException("statusInterval must be at least 100 ms");
    }
    if (topProcesses < 0 || topProcesses > 100) {
      throw new IllegalArgumentException("topProcesses must be 0..100, got " + topProcesses);
    }
  }

  /** The same with another status interval (tests push every few hundred ms). */
  public RelayOptions withStatusInterval(Duration d) {
    return new RelayOptions(
        d, retryInterval, connectTimeout, pingTimeout, commandTimeout, sweepInterval, topProcesses);
  }

  /** After this long without any word from a pushing agent, it is pinged. */
  Duration staleAfter() {
    return statusInterval.multipliedBy(5).dividedBy(2);
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
