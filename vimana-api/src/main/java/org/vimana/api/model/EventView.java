package org.vimana.api.model;

import java.time.Instant;

/**
 * One entry of the event history.
 *
 * @param type event kind (a {@link org.vimana.core.event.VmEventType} name, or a host event such as
 *     "HOST_UP", "HOST_DOWN")
 */
public record EventView(
    long id,
    Instant at,
    String vmId,
    String vmName,
    String hostId,
    String hostName,
    String type,
    String state,
    String message) {}
