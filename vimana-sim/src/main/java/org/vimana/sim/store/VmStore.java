package org.vimana.sim.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where a simulated host keeps its VM records. */
public interface VmStore {

  /** Every stored record. */
  List<VmRecord> load() throws IOException;

  /** Stores {@code record}, replacing the one with its id; atomic. */
  void save(VmRecord record) throws IOException;

  /** Forgets the record with {@code vmId}, if any. */
  void delete(String vmId) throws IOException;

  /** A store that keeps nothing (a host without a state directory). */
  static VmStore none() {
    return NoVmStore.INSTANCE;
  }

  /** A store of one properties file per VM in {@code dir}, created if missing. */
  static VmStore directory(Path dir) throws IOException {
    return new DirectoryVmStore(dir);
  }
}
