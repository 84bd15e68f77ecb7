package org.vimana.driver.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LibvirtOptionsTest {

  @Test
  void defaults() {
    LibvirtOptions o = LibvirtOptions.parse(Map.of());
    assertThat(o.uri()).isEqualTo("qemu:///system");
    assertThat(o.imageDir()).isEqualTo(Path.of("/var/lib/vimana/images"));
    assertThat(o.pool()).isEqualTo("vimana-disks");
    assertThat(o.domainType()).isEqualTo(LibvirtOptions.localKvmUsable() ? "kvm" : "qemu");
    assertThat(o.migrationTargetUri()).isEqualTo("qemu:///system");
    assertThat(o.local()).isTrue();
  }

  @Test
  void domainTypeFollowsTheUri() {
    assertThat(LibvirtOptions.parse(Map.of("uri", "test:///default")).domainType())
        .isEqualTo("test");
    assertThat(LibvirtOptions.parse(Map.of("uri", "xen:///system")).domainType()).isEqualTo("xen");
    LibvirtOptions remote = LibvirtOptions.parse(Map.of("uri", "qemu+tcp://10.0.0.2/system"));
    assertThat(remote.domainType()).isEqualTo("qemu");
    assertThat(remote.local()).isFalse();
  }

  @Test
  void explicitValues() {
    LibvirtOptions o =
        LibvirtOptions.parse(
            Map.of(
                "uri", "qemu+tcp://127.0.0.1:16601/system",
                "domain-type", "KVM",
                "image-dir", "/srv/images",
                "disk-dir", "/srv/disks",
                "state-dir", "/srv/state",
                "pool", "p1",
                "migration-target-uri", "qemu+tcp://127.0.0.1:16601/system#tcp://127.0.0.1"));
    assertThat(o.domainType()).isEqualTo("kvm");
    assertThat(o.diskDir()).isEqualTo(Path.of("/srv/disks"));
    assertThat(o.stateDir()).isEqualTo(Path.of("/srv/state"));
    assertThat(o.migrationTargetUri()).endsWith("#tcp://127.0.0.1");
  }

  @Test
  void aStateDirTooLongForAgentSocketsIsRefused() {
    String fits = "/" + "d".repeat(58); // 59 + "/" + 36 + ".agent.sock" = 107
    assertThat(LibvirtOptions.parse(Map.of("state-dir", fits)).stateDir()).isEqualTo(Path.of(fits));
    assertThatThrownBy(() -> LibvirtOptions.parse(Map.of("state-dir", fits + "d")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("state-dir")
        .hasMessageContaining("108-byte paths")
        .hasMessageContaining("at most 107");
  }

  @Test
  void badOptionsAreNamed() {
    assertThatThrownBy(() -> LibvirtOptions.parse(Map.of("url", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("url");
    assertThatThrownBy(() -> LibvirtOptions.parse(Map.of("domain-type", "vmware")))
        .hasMessageContaining("domain-type");
    assertThatThrownBy(() -> LibvirtOptions.parse(Map.of("image-dir", "images")))
        .hasMessageContaining("image-dir");
    assertThatThrownBy(() -> LibvirtOptions.parse(Map.of("uri", "no scheme")))
        .hasMessageContaining("uri");
    assertThatThrownBy(() -> LibvirtOptions.parse(Map.of("migrate-unsafe", "yes")))
        .hasMessageContaining("migrate-unsafe");
    assertThatThrownBy(() -> LibvirtOptions.parse(Map.of("pool", "a/b")))
        .hasMessageContaining("pool");
  }
}
