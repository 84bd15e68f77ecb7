package org.vimana.manager.store;

import java.time.Instant;
import java.util.List;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;

/** A VM as stored: its spec, where it is placed and what state its host last reported. */
public record VmRecord(
    String id,
    VmSpec spec,
    String hostId,
    VmState state,
    String template,
    List<String> tags,
    long bootCount,
    Instant createdAt,
    Instant updatedAt) {
  public VmRecord {
    tags = List.copyOf(tags);
  }

  public String name() {
    return spec.name();
  }
}
