package org.vimana.core.driver;

import java.time.Instant;
import java.util.List;

/**
 * Snapshots of a VM's disk, and of its memory when it runs (libvirt's internal snapshots, for
 * instance), named per VM.
 */
public interface Snapshots {

  /**
   * One snapshot.
   *
   * @param name its name
   * @param description free text
   * @param createdAt when it was taken
   * @param vmState the domain's state when it was taken (the back end's word, e.g. libvirt's
   *     running, shutoff)
   */
  record SnapshotInfo(String name, String description, Instant createdAt, String vmState) {}

  SnapshotInfo create(String vmId, String name, String description) throws HypervisorException;

  /** The VM's snapshots, oldest first. */
  List<SnapshotInfo> list(String vmId) throws HypervisorException;

  /** Reverts the VM to the snapshot (a running snapshot resumes running). */
  void revert(String vmId, String name) throws HypervisorException;

  void delete(String vmId, String name) throws HypervisorException;
}
