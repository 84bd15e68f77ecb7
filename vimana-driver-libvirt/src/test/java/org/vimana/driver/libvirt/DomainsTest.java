package org.vimana.driver.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vimana.core.vm.VmState;

class DomainsTest {
  @Test
  void aReconnectionReportsOnlyTheStatesThatChangedOfVmsKnownBefore() {
    Map<String, VmState> before =
        Map.of(
            "a", VmState.RUNNING,
            "b", VmState.RUNNING,
            "c", VmState.PAUSED,
            "gone", VmState.RUNNING);
    Map<String, VmState> now =
        Map.of(
            "a", VmState.RUNNING,
            "b", VmState.STOPPED,
            "c", VmState.RUNNING,
            "new", VmState.RUNNING);
    assertThat(Domains.changed(before, now))
        .containsExactlyInAnyOrderEntriesOf(Map.of("b", VmState.STOPPED, "c", VmState.RUNNING));
  }

  @Test
  void nothingChangedNothingReported() {
    Map<String, VmState> same = Map.of("a", VmState.RUNNING);
    assertThat(Domains.changed(same, same)).isEmpty();
    assertThat(Domains.changed(Map.of(), same)).isEmpty();
  }
}
