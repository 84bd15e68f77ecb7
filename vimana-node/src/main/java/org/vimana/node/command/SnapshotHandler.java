package org.vimana.node.command;

import java.util.Objects;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.driver.Snapshots;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.SnapshotMsg;
import org.vimana.rpc.SnapshotRequest;
import org.vimana.rpc.mapping.WireMapper;

/** Snapshot operations; each answers with the VM's snapshots and state after it. */
final class SnapshotHandler implements CommandHandler {
  private final Hypervisor hypervisor;

  SnapshotHandler(Hypervisor hypervisor) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
  }

  @Override
  public void handle(Command command, CommandResult.Builder result) throws HypervisorException {
    SnapshotRequest r = command.getSnapshot();
    String id = MigrationHandlers.requireVmId(r.getVmId(), "snapshot");
    Snapshots snapshots =
        hypervisor
            .snapshots()
            .orElseThrow(
                () ->
                    new HypervisorException(
                        Reason.UNSUPPORTED, "this host's driver does not keep snapshots"));
    switch (r.getOp()) {
      case SNAPSHOT_OP_LIST -> {}
      case SNAPSHOT_OP_CREATE -> snapshots.create(id, name(r), r.getDescription());
      case SNAPSHOT_OP_REVERT -> snapshots.revert(id, name(r));
      case SNAPSHOT_OP_DELETE -> snapshots.delete(id, name(r));
      case SNAPSHOT_OP_UNSPECIFIED, UNRECOGNIZED ->
          throw new IllegalArgumentException("snapshot: op is required");
    }
    for (Snapshots.SnapshotInfo s : snapshots.list(id)) {
      result.addSnapshots(
          SnapshotMsg.newBuilder()
              .setName(s.name())
              .setDescription(s.description() == null ? "" : s.description())
              .setCreatedAtMs(s.createdAt().toEpochMilli())
              .setVmState(s.vmState() == null ? "" : s.vmState()));
    }
    hypervisor.find(id).ifPresent(vm -> result.setVm(WireMapper.toWire(vm)));
  }

  private static String name(SnapshotRequest r) {
    if (r.getName().isEmpty()) {
      throw new IllegalArgumentException("snapshot: name is required for " + r.getOp());
    }
    return r.getName();
  }
}
