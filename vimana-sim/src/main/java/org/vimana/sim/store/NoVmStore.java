package org.vimana.sim.store;

import java.util.List;

/** Keeps nothing: VMs live only as long as their host object. */
enum NoVmStore implements VmStore {
  INSTANCE;

  @Override
  public List<VmRecord> load() {
    return List.of();
  }

  @Override
  public void save(VmRecord record) {}

  @Override
  public void delete(String vmId) {}
}
