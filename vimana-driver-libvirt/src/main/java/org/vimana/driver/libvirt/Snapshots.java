package org.vimana.driver.libvirt;

import java.time.Instant;
import java.util.List;
import org.vimana.core.driver.HypervisorException;

/** Snapshots of a VM (libvirt internal snapshots: disk, and memory when the VM runs). */
public interface Snapshots {

  /**
   * One snapshot.
   *
   * @param name its name
   * @param description free text
   * @param createdAt when it was taken
   * @param vmState the domain's state when it was taken (libvirt's word: running, shutoff, ...)
   */
  record SnapshotInfo(String name, String description, Instant createdAt, String vmState) {}

  SnapshotInfo create(String vmId, String name, String description) throws HypervisorException;

  /** The VM's snapshots, oldest first. */
  List<SnapshotInfo> list(String vmId) throws HypervisorException;

  /** Reverts the VM to the snapshot (a running snapshot resumes running). */
  void revert(String vmId, String name) throws HypervisorException;

  void delete(String vmId, String name) throws HypervisorException;
}
