package org.vimana.node.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vimana.core.event.VmEvent;
import org.vimana.core.event.VmEventType;
import org.vimana.core.vm.VmState;
import org.vimana.rpc.NodeMessage.BodyCase;
import org.vimana.rpc.VmStateMsg;

class EventRelayTest {
  private static VmEvent started(String vm) {
    return new VmEvent(
        vm, VmEventType.STARTED, VmState.RUNNING, Instant.ofEpochMilli(1234), "running");
  }

  @Test
  void forwardsEventsToTheCurrentTargetOnly() {
    EventRelay relay = new EventRelay();
    RecordingOutbox first = new RecordingOutbox();
    RecordingOutbox second = new RecordingOutbox();

    relay.accept(started("lost"));
    relay.target(first);
    relay.accept(started("v1"));
    relay.target(second);
    relay.accept(started("v2"));
    relay.target(null);
    relay.accept(started("dropped"));

    assertThat(first.sent(BodyCase.EVENT)).hasSize(1);
    assertThat(first.sent(BodyCase.EVENT).get(0).getEvent().getVmId()).isEqualTo("v1");
    assertThat(second.sent(BodyCase.EVENT))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getEvent().getVmId()).isEqualTo("v2");
              assertThat(m.getEvent().getType()).isEqualTo("STARTED");
              assertThat(m.getEvent().getState()).isEqualTo(VmStateMsg.VM_STATE_RUNNING);
              assertThat(m.getEvent().getAtMs()).isEqualTo(1234);
            });
  }
}
