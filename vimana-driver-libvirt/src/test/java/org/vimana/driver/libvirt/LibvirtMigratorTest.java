package org.vimana.driver.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;

/** The target's storage check before a migration: no libvirtd needed, it looks at files. */
class LibvirtMigratorTest {
  @TempDir Path dir;

  private LibvirtMigrator migrator() {
    LibvirtOptions o =
        LibvirtOptions.parse(
            Map.of(
                "uri", "qemu+tcp://127.0.0.1:1/system",
                "domain-type", "qemu",
                "image-dir", dir.resolve("images").toString(),
                "disk-dir", dir.resolve("disks").toString(),
                "state-dir", dir.resolve("vms").toString()));
    return new LibvirtMigrator(
        o,
        id -> {
          throw new AssertionError("prepareIncoming must not look up domains");
        },
        null);
  }

  private static VmStatus vm(String image) {
    return new VmStatus(
        "0b2c1f5e-0000-4000-8000-000000000001",
        new VmSpec("web-1", 1, 96, 1, image, null, Map.of()),
        VmState.RUNNING,
        1);
  }

  private void image(boolean withDisk) throws Exception {
    Path img = Files.createDirectories(dir.resolve("images/busybox"));
    Files.writeString(img.resolve("vmlinuz"), "k");
    Files.writeString(img.resolve("initrd.img"), "i");
    if (withDisk) {
      Files.writeString(img.resolve("disk.qcow2"), "d");
    }
  }

  @Test
  void aTargetWithoutTheImageRefusesNamingIt() {
    assertThatThrownBy(() -> migrator().prepareIncoming(vm("busybox")))
        .isInstanceOfSatisfying(
            HypervisorException.class,
            e -> assertThat(e.reason()).isEqualTo(HypervisorException.Reason.INVALID_STATE))
        .hasMessageContaining("cannot receive VM 'web-1'")
        .hasMessageContaining("image 'busybox' not found");
  }

  @Test
  void aTargetThatDoesNotSeeTheOverlayDiskRefusesSayingStorageMustBeShared() throws Exception {
    image(true);
    assertThatThrownBy(() -> migrator().prepareIncoming(vm("busybox")))
        .hasMessageContaining("does not see the disk of VM 'web-1'")
        .hasMessageContaining("shared by both hosts");
  }

  @Test
  void aTargetThatSeesImageAndDiskHandsOutItsUri() throws Exception {
    image(true);
    Files.createDirectories(dir.resolve("disks"));
    Files.writeString(dir.resolve("disks/0b2c1f5e-0000-4000-8000-000000000001.qcow2"), "o");
    // The target's own state directory travels with its URI, for the console log and agent socket.
    assertThat(migrator().prepareIncoming(vm("busybox")))
        .isEqualTo("qemu+tcp://127.0.0.1:1/system##" + dir.resolve("vms"));
    assertThat(dir.resolve("vms")).as("made for the arriving VM's files").isDirectory();
  }

  @Test
  void anImageWithoutBaseDiskNeedsNoOverlay() throws Exception {
    image(false);
    assertThat(migrator().prepareIncoming(vm("busybox"))).startsWith("qemu+tcp://");
  }
}
