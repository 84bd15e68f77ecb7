package org.vimana.driver.libvirt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.vimana.core.Validation;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.driver.libvirt.xml.DomainPlan.KernelBoot;

/**
 * Maps an image name (what templates name) to files in the image directory. Two layouts:
 *
 * <ul>
 *   <li>{@code <image-dir>/<image>/} with {@code vmlinuz} and {@code initrd.img} (and optionally
 *       {@code cmdline}, one line, default {@code console=ttyS0}, and {@code disk.qcow2}, a base
 *       disk the VM gets a copy-on-write overlay of): direct kernel boot;
 *   <li>{@code <image-dir>/<image>.qcow2}: a bootable disk image; the VM boots from its overlay.
 * </ul>
 *
 * vimana-lab/scripts/build-guest-image.sh produces the first layout.
 */
public final class ImageCatalog {
  private final Path imageDir;

  public ImageCatalog(Path imageDir) {
    this.imageDir = imageDir;
  }

  /** The files of an image. */
  public record Image(String name, Optional<KernelBoot> kernel, Optional<Path> baseDisk) {}

  /**
   * Resolves {@code name}.
   *
   * @throws HypervisorException NOT_FOUND when neither layout exists
   */
  public Image resolve(String name) throws HypervisorException {
    Validation.name("image", name);
    Path dir = imageDir.resolve(name);
    Path kernel = dir.resolve("vmlinuz");
    Path initrd = dir.resolve("initrd.img");
    if (Files.isRegularFile(kernel) && Files.isRegularFile(initrd)) {
      Path disk = dir.resolve("disk.qcow2");
      return new Image(
          name,
          Optional.of(new KernelBoot(kernel, initrd, cmdline(dir))),
          Files.isRegularFile(disk) ? Optional.of(disk) : Optional.empty());
    }
    Path qcow2 = imageDir.resolve(name + ".qcow2");
    if (Files.isRegularFile(qcow2)) {
      return new Image(name, Optional.empty(), Optional.of(qcow2));
    }
    throw new HypervisorException(
        Reason.NOT_FOUND,
        "image '" + name + "' not found: expected " + kernel + " and " + initrd + ", or " + qcow2);
  }

  private static String cmdline(Path dir) throws HypervisorException {
    Path file = dir.resolve("cmdline");
    if (!Files.isRegularFile(file)) {
      return "console=ttyS0";
    }
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new HypervisorException(Reason.FAILED, "cannot read " + file, e);
    }
  }
}
