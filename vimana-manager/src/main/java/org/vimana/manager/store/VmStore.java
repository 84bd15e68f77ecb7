package org.vimana.manager.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vimana.core.vm.VmState;

/** VMs of the inventory. */
public interface VmStore {
  /** Inserts a VM; fails with {@link DuplicateNameException} when the name is taken. */
  void insert(VmRecord vm);

  Optional<VmRecord> find(String idOrName);

  /** VMs matching every non-null filter (tag, host id, state), ordered by name. */
  List<VmRecord> list(String tag, String hostId, VmState state);

  void updateState(String id, VmState state, long bootCount, Instant at);

  /** Sets the state only if it is still {@code expected}; returns whether it did. */
  boolean updateStateIf(String id, VmState expected, VmState state, long bootCount, Instant at);

  void updateBootCount(String id, long bootCount);

  /** Records that a VM now runs on another host (a migration succeeded). */
  void moveTo(String id, String hostId, VmState state, Instant at);

  /** Sets every VM of a host to {@code state}; returns how many changed. */
  int setStateOfHost(String hostId, VmState state, Instant at);

  void updateTags(String id, List<String> tags, Instant at);

  boolean delete(String id);

  Map<String, HostAllocation> allocations();
}
