package org.vimana.sim;

import org.vimana.core.driver.HypervisorException;
import org.vimana.sim.store.VmRecord;

/**
 * The target of an outgoing sim migration, as the source sees it: a host of this process (its
 * {@link SimMigrator}) or a host in another process reached over TCP ({@link RemotePeer}).
 */
interface MigrationPeer {
  /** Fails unless the target was prepared for {@code vmId} and has not started receiving it. */
  void requirePrepared(String vmId) throws HypervisorException;

  /** The source has started sending {@code vmId}. */
  void incomingStarted(String vmId, String source) throws HypervisorException;

  /** Switch-over: the target takes the VM as it was on the source; it runs there from now on. */
  void arrive(VmRecord departed, double busySeconds, String source) throws HypervisorException;

  /** The migration ended without switch-over: the target forgets the VM. Never fails. */
  void release(String vmId, String why);
}
