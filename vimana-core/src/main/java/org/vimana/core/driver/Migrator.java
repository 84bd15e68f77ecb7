package org.vimana.core.driver;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.vimana.core.vm.VmStatus;

/**
 * Live migration between hosts of the same driver. The manager asks the target to {@link
 * #prepareIncoming prepare}, then the source to {@link #migrate migrate}, so neither node needs to
 * know the other's driver internals beyond the URI the target hands out.
 */
public interface Migrator {

  /** Readies this host to receive {@code vm}; returns the URI the source should migrate to. */
  String prepareIncoming(VmStatus vm) throws HypervisorException;

  /** Moves a running VM to the host at {@code targetUri}; completes when the VM runs there. */
  CompletionStage<MigrationResult> migrate(String vmId, String targetUri, MigrationOptions options)
      throws HypervisorException;

  /** Cancels an ongoing migration; the VM keeps running on the source. */
  void cancel(String vmId) throws HypervisorException;

  /**
   * How far the outgoing migration of {@code vmId} is, or empty when none runs or the hypervisor
   * cannot tell.
   */
  default Optional<MigrationProgress> progress(String vmId) throws HypervisorException {
    return Optional.empty();
  }
}
