package org.vimana.driver.libvirt;

import java.nio.file.Path;

/**
 * What a target hands its source in {@link LibvirtMigrator#prepareIncoming}, as one opaque string
 * the manager passes through: {@code LIBVIRT_URI#MIGRATION_URI#STATE_DIR}. The source's libvirtd
 * connects to the libvirt URI, QEMU streams to the migration URI (empty: libvirt's choice), and the
 * target's state directory is where the VM's console log and agent socket must live there, so the
 * source rewrites those paths in the XML it sends.
 *
 * <p>A target URI without the third part (an older node) migrates with the source's paths.
 *
 * @param libvirtUri the target libvirtd, as the source's libvirtd reaches it
 * @param migrationUri where QEMU sends the memory, or null for libvirt's default
 * @param stateDir the target's state directory, or null when not given
 */
public record IncomingTarget(String libvirtUri, String migrationUri, Path stateDir) {
  public IncomingTarget {
    if (libvirtUri == null || libvirtUri.isBlank()) {
      throw new IllegalArgumentException("a migration target needs a libvirt URI");
    }
    migrationUri = migrationUri == null || migrationUri.isBlank() ? null : migrationUri;
  }

  /** Parses {@code LIBVIRT_URI[#MIGRATION_URI[#STATE_DIR]]}. */
  public static IncomingTarget parse(String target) {
    String[] parts = target.split("#", 3);
    return new IncomingTarget(
        parts[0],
        parts.length > 1 ? parts[1] : null,
        parts.length > 2 && !parts[2].isBlank() ? Path.of(parts[2]) : null);
  }

  /** The string {@link #parse} reads back. */
  public String encode() {
    return libvirtUri
        + "#"
        + (migrationUri == null ? "" : migrationUri)
        + (stateDir == null ? "" : "#" + stateDir);
  }
}
