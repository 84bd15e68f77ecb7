package org.vimana.driver.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IncomingTargetTest {
  @Test
  void roundTripsAllThreeParts() {
    IncomingTarget t =
        new IncomingTarget(
            "qemu+tcp://10.0.0.2/system", "tcp://10.0.1.2", Path.of("/var/lib/vimana/vms"));
    assertThat(t.encode())
        .isEqualTo("qemu+tcp://10.0.0.2/system#tcp://10.0.1.2#/var/lib/vimana/vms");
    assertThat(IncomingTarget.parse(t.encode())).isEqualTo(t);
  }

  @Test
  void readsTheOlderFormsWithoutStateDirectory() {
    assertThat(IncomingTarget.parse("qemu+tcp://h/system"))
        .isEqualTo(new IncomingTarget("qemu+tcp://h/system", null, null));
    assertThat(IncomingTarget.parse("qemu+tcp://h/system#tcp://127.0.0.1"))
        .isEqualTo(new IncomingTarget("qemu+tcp://h/system", "tcp://127.0.0.1", null));
    assertThat(IncomingTarget.parse("qemu+tcp://h/system##/srv/vms"))
        .isEqualTo(new IncomingTarget("qemu+tcp://h/system", null, Path.of("/srv/vms")));
  }

  @Test
  void refusesATargetWithoutLibvirtUri() {
    assertThatThrownBy(() -> IncomingTarget.parse("#tcp://127.0.0.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a libvirt URI");
  }
}
