package org.vimana.driver.libvirt.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RelocationTest {
  private static final String XML =
      "<domain type='qemu'><name>web-1</name><devices>"
          + "<disk type='file' device='disk'><source file='/srv/a/vms/web-1.qcow2'/></disk>"
          + "<serial type='pty'><log file='/srv/a/vms/id-1.console.log' append='on'/></serial>"
          + "<channel type='unix'><source mode='bind' path='/srv/a/vms/id-1.agent.sock'/>"
          + "<target type='virtio' name='org.vimana.agent.0'/></channel>"
          + "<channel type='unix'><source mode='bind' path='/srv/a/vmsx/other.sock'/></channel>"
          + "</devices></domain>";

  @Test
  void movesTheConsoleLogAndAgentSocketButNotTheDisk() {
    String moved = Relocation.relocate(XML, Path.of("/srv/a/vms"), Path.of("/srv/b/state"));
    assertThat(moved)
        .contains("file=\"/srv/b/state/id-1.console.log\"")
        .contains("path=\"/srv/b/state/id-1.agent.sock\"")
        .contains("file=\"/srv/a/vms/web-1.qcow2\"")
        // a sibling directory whose name merely starts the same is not inside it
        .contains("path=\"/srv/a/vmsx/other.sock\"")
        .doesNotContain("/srv/a/vms/id-1");
  }
}
