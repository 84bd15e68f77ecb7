package org.vimana.sim.store;

import java.time.Instant;
import org.vimana.core.Validation;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;

/**
 * What a simulated host remembers of one VM, in memory and on disk.
 *
 * @param id the cluster-wide id
 * @param spec the definition
 * @param state the lifecycle state
 * @param bootCount times the VM was powered on (start or reboot)
 * @param poweredOnAt when it was last powered on (its workload's time zero); the definition time if
 *     it never was
 * @param resumeState the state a MIGRATING VM returns to, RUNNING or PAUSED (RUNNING otherwise)
 */
public record VmRecord(
    String id,
    VmSpec spec,
    VmState state,
    long bootCount,
    Instant poweredOnAt,
    VmState resumeState) {
  public VmRecord {
    Validation.required("id", id);
    Validation.required("spec", spec);
    Validation.required("state", state);
    Validation.nonNegative("bootCount", bootCount);
    Validation.required("poweredOnAt", poweredOnAt);
    Validation.required("resumeState", resumeState);
    if (resumeState != VmState.RUNNING && resumeState != VmState.PAUSED) {
      throw new IllegalArgumentException(
          "resumeState must be RUNNING or PAUSED, got " + resumeState);
    }
  }

  /** A freshly defined VM. */
  public static VmRecord defined(String id, VmSpec spec, Instant at) {
    return new VmRecord(id, spec, VmState.DEFINED, 0, at, VmState.RUNNING);
  }

  public VmRecord withState(VmState newState) {
    return new VmRecord(id, spec, newState, bootCount, poweredOnAt, resumeState);
  }

  /** Powered on at {@code at}: STARTING, one more boot. */
  public VmRecord poweredOn(Instant at) {
    return new VmRecord(id, spec, VmState.STARTING, bootCount + 1, at, VmState.RUNNING);
  }

  /** MIGRATING, remembering the state to return to. */
  public VmRecord migrating() {
    return new VmRecord(id, spec, VmState.MIGRATING, bootCount, poweredOnAt, state);
  }

  public VmStatus status() {
    return new VmStatus(id, spec, state, bootCount);
  }
}
