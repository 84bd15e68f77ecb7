package org.vimana.core.vm;

import org.vimana.core.Validation;

/**
 * A VM as its hypervisor reports it.
 *
 * @param id cluster-wide id the manager assigned when it defined the VM
 * @param spec the VM's definition
 * @param state current lifecycle state
 * @param bootCount how many times it has started (a restart shows up as a change)
 */
public record VmStatus(String id, VmSpec spec, VmState state, long bootCount) {
  public VmStatus {
    Validation.required("id", id);
    Validation.required("spec", spec);
    Validation.required("state", state);
  }

  public VmStatus withState(VmState newState) {
    return new VmStatus(id, spec, newState, bootCount);
  }
}
