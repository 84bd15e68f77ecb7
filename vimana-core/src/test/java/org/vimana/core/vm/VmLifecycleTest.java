package org.vimana.core.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VmLifecycleTest {
  @Test
  void runningVmAcceptsShutdownAndLeadsToShuttingDown() {
    assertThat(VmLifecycle.apply(VmState.RUNNING, VmAction.SHUTDOWN))
        .contains(VmState.SHUTTING_DOWN);
  }

  @Test
  void stoppedVmRefusesSuspendAndShutdown() {
    assertThat(VmLifecycle.accepts(VmState.STOPPED, VmAction.SUSPEND)).isFalse();
    assertThat(VmLifecycle.accepts(VmState.STOPPED, VmAction.SHUTDOWN)).isFalse();
    assertThat(VmLifecycle.acceptedActions(VmState.STOPPED))
        .containsExactlyInAnyOrder(VmAction.START, VmAction.DELETE);
  }

  @Test
  void runningVmCannotBeDeleted() {
    assertThat(VmLifecycle.accepts(VmState.RUNNING, VmAction.DELETE)).isFalse();
  }

  @Test
  void unknownMayBecomeAnything() {
    for (VmState s : VmState.values()) {
      assertThat(VmLifecycle.canTransition(VmState.UNKNOWN, s)).isTrue();
    }
  }

  @Test
  void stoppedCannotJumpToRunningWithoutStarting() {
    assertThat(VmLifecycle.canTransition(VmState.STOPPED, VmState.RUNNING)).isFalse();
    assertThat(VmLifecycle.canTransition(VmState.STOPPED, VmState.STARTING)).isTrue();
  }

  @Test
  void actionPathNamesRoundTrip() {
    for (VmAction a : VmAction.values()) {
      assertThat(VmAction.fromPathName(a.pathName())).isEqualTo(a);
    }
    assertThat(VmAction.FORCE_STOP.pathName()).isEqualTo("force-stop");
  }
}
