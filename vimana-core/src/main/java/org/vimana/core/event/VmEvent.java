package org.vimana.core.event;

import java.time.Instant;
import org.vimana.core.Validation;
import org.vimana.core.vm.VmState;

/**
 * Something a hypervisor saw happen to a VM.
 *
 * @param vmId the VM's cluster-wide id
 * @param type what happened
 * @param state the VM's state after the event
 * @param at when the hypervisor saw it
 * @param message human-readable detail (may be empty)
 */
public record VmEvent(String vmId, VmEventType type, VmState state, Instant at, String message) {
  public VmEvent {
    Validation.required("vmId", vmId);
    Validation.required("type", type);
    Validation.required("state", state);
    Validation.required("at", at);
    message = message == null ? "" : message;
  }
}
