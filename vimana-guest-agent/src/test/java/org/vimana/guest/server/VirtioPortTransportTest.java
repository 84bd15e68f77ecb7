package org.vimana.guest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vimana.guest.Fixtures;

class VirtioPortTransportTest {
  @Test
  void findsThePortDeviceByName() throws Exception {
    Path root = Fixtures.rootPath();
    assertThat(VirtioPortTransport.find(root, "org.vimana.agent.0"))
        .contains(root.resolve("dev/vport2p2"));
    assertThat(VirtioPortTransport.find(root, "org.qemu.guest_agent.0"))
        .contains(root.resolve("dev/vport2p1"));
    assertThat(VirtioPortTransport.find(root, "absent")).isEmpty();
    assertThat(VirtioPortTransport.find(root.resolve("proc"), "org.vimana.agent.0")).isEmpty();
  }
}
