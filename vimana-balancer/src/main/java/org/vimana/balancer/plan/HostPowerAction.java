package org.vimana.balancer.plan;

import java.util.Objects;

/**
 * Switch a host on (before moves onto it) or off (after it has been emptied).
 *
 * @param hostId the host
 * @param powerOn true to switch on, false to switch off
 * @param reason why
 */
public record HostPowerAction(String hostId, boolean powerOn, String reason) {

  public HostPowerAction {
    Objects.requireNonNull(hostId, "hostId");
    Objects.requireNonNull(reason, "reason");
  }
}
