package org.vimana.driver.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.DomainEventType;
import org.vimana.core.event.VmEventType;
import org.vimana.core.vm.VmState;

class StatesTest {
  @Test
  void domainStates() {
    assertThat(States.vmState(DomainState.VIR_DOMAIN_RUNNING, true)).isEqualTo(VmState.RUNNING);
    assertThat(States.vmState(DomainState.VIR_DOMAIN_PAUSED, true)).isEqualTo(VmState.PAUSED);
    assertThat(States.vmState(DomainState.VIR_DOMAIN_SHUTOFF, false)).isEqualTo(VmState.DEFINED);
    assertThat(States.vmState(DomainState.VIR_DOMAIN_SHUTOFF, true)).isEqualTo(VmState.STOPPED);
    assertThat(States.vmState(DomainState.VIR_DOMAIN_SHUTDOWN, true))
        .isEqualTo(VmState.SHUTTING_DOWN);
    assertThat(States.vmState(DomainState.VIR_DOMAIN_CRASHED, true)).isEqualTo(VmState.CRASHED);
  }

  @Test
  void lifecycleEvents() {
    // details: STARTED 0 = booted, 1 = migrated; STOPPED 1 = destroyed, 2 = crashed, 3 = migrated
    assertThat(States.eventType(new DomainEvent(DomainEventType.STARTED, 0)))
        .isEqualTo(VmEventType.STARTED);
    assertThat(States.eventType(new DomainEvent(DomainEventType.STARTED, 1)))
        .isEqualTo(VmEventType.MIGRATED);
    assertThat(States.eventType(new DomainEvent(DomainEventType.STOPPED, 1)))
        .isEqualTo(VmEventType.STOPPED);
    assertThat(States.eventType(new DomainEvent(DomainEventType.STOPPED, 2)))
        .isEqualTo(VmEventType.CRASHED);
    assertThat(States.eventType(new DomainEvent(DomainEventType.STOPPED, 3)))
        .isEqualTo(VmEventType.MIGRATED);
    assertThat(States.eventType(new DomainEvent(DomainEventType.SUSPENDED, 0)))
        .isEqualTo(VmEventType.SUSPENDED);
    assertThat(States.eventType(new DomainEvent(DomainEventType.DEFINED, 0)))
        .isEqualTo(VmEventType.DEFINED);
  }
}
