package org.vimana.driver.libvirt;

import org.libvirt.DomainInfo.DomainState;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.DomainEventType;
import org.libvirt.event.StartedDetail;
import org.libvirt.event.StoppedDetail;
import org.vimana.core.event.VmEventType;
import org.vimana.core.vm.VmState;

/** libvirt's domain states and lifecycle events in Vimana's terms. */
public final class States {
  private States() {}

  /**
   * A domain state as a {@link VmState}.
   *
   * @param everStarted whether the VM has run since it was defined (shut off is then STOPPED, else
   *     DEFINED)
   */
  public static VmState vmState(DomainState state, boolean everStarted) {
    switch (state) {
      case VIR_DOMAIN_RUNNING:
      case VIR_DOMAIN_BLOCKED:
        return VmState.RUNNING;
      case VIR_DOMAIN_PAUSED:
      case VIR_DOMAIN_PMSUSPENDED:
        return VmState.PAUSED;
      case VIR_DOMAIN_SHUTDOWN:
        return VmState.SHUTTING_DOWN;
      case VIR_DOMAIN_SHUTOFF:
        return everStarted ? VmState.STOPPED : VmState.DEFINED;
      case VIR_DOMAIN_CRASHED:
        return VmState.CRASHED;
      case VIR_DOMAIN_NOSTATE:
      default:
        return VmState.STARTING;
    }
  }

  /** The Vimana event type of a libvirt lifecycle event. */
  public static VmEventType eventType(DomainEvent event) {
    DomainEventType type = event.getType();
    switch (type) {
      case DEFINED:
        return VmEventType.DEFINED;
      case UNDEFINED:
        return VmEventType.UNDEFINED;
      case STARTED:
        return startedDetail(event) == StartedDetail.MIGRATED
            ? VmEventType.MIGRATED
            : VmEventType.STARTED;
      case SUSPENDED:
      case PMSUSPENDED:
        return VmEventType.SUSPENDED;
      case RESUMED:
        return VmEventType.RESUMED;
      case SHUTDOWN:
        return VmEventType.SHUTDOWN;
      case STOPPED:
        StoppedDetail d = stoppedDetail(event);
        if (d == StoppedDetail.MIGRATED) {
          return VmEventType.MIGRATED;
        }
        return d == StoppedDetail.CRASHED || d == StoppedDetail.FAILED
            ? VmEventType.CRASHED
            : VmEventType.STOPPED;
      case CRASHED:
        return VmEventType.CRASHED;
      default:
        return VmEventType.STATE_CHANGED;
    }
  }

  private static StartedDetail startedDetail(DomainEvent event) {
    return event.getDetail();
  }

  private static StoppedDetail stoppedDetail(DomainEvent event) {
    return event.getDetail();
  }
}
