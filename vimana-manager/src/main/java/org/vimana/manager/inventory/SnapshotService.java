package org.vimana.manager.inventory;

import java.time.Instant;
import java.util.List;
import org.vimana.api.model.SnapshotRequest;
import org.vimana.api.model.SnapshotView;
import org.vimana.core.Validation;
import org.vimana.manager.inventory.InventoryException.Kind;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.VmRecord;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.SnapshotOp;

/** A VM's snapshots, kept by its host's driver; every change is in the VM's history. */
public final class SnapshotService {
  private final VmService vms;
  private final EventLog events;

  public SnapshotService(VmService vms, EventLog events) {
    this.vms = vms;
    this.events = events;
  }

  public List<SnapshotView> list(String vm) {
    return run(vm, SnapshotOp.SNAPSHOT_OP_LIST, null, null);
  }

  public List<SnapshotView> create(String vm, SnapshotRequest r) {
    if (r == null || r.name() == null) {
      throw new InventoryException(Kind.INVALID, "name is required");
    }
    try {
      Validation.name("snapshot name", r.name());
    } catch (IllegalArgumentException e) {
      throw new InventoryException(Kind.INVALID, e.getMessage());
    }
    return run(vm, SnapshotOp.SNAPSHOT_OP_CREATE, r.name(), r.description());
  }

  public List<SnapshotView> revert(String vm, String name) {
    return run(vm, SnapshotOp.SNAPSHOT_OP_REVERT, name, null);
  }

  public List<SnapshotView> delete(String vm, String name) {
    return run(vm, SnapshotOp.SNAPSHOT_OP_DELETE, name, null);
  }

  private List<SnapshotView> run(String idOrName, SnapshotOp op, String name, String description) {
    VmRecord vm = vms.get(idOrName);
    HostRecord host = vms.hostOf(vm);
    org.vimana.rpc.SnapshotRequest.Builder req =
        org.vimana.rpc.SnapshotRequest.newBuilder().setVmId(vm.id()).setOp(op);
    if (name != null) {
      req.setName(name);
    }
    if (description != null) {
      req.setDescription(description);
    }
    CommandResult result = vms.call(host, Command.newBuilder().setSnapshot(req));
    String what = verb(op) + (name == null ? "" : " '" + name + "'");
    if (!result.getOk()) {
      throw NodeErrors.toException(result, what + " of VM '" + vm.name() + "'");
    }
    vms.applyResult(vm, vm.state(), result);
    if (op != SnapshotOp.SNAPSHOT_OP_LIST) {
      events.vm(vm, host.name(), "SNAPSHOT", null, what);
    }
    return result.getSnapshotsList().stream()
        .map(
            s ->
                new SnapshotView(
                    s.getName(),
                    s.getDescription(),
                    Instant.ofEpochMilli(s.getCreatedAtMs()),
                    s.getVmState()))
        .toList();
  }

  private static String verb(SnapshotOp op) {
    return switch (op) {
      case SNAPSHOT_OP_CREATE -> "snapshot";
      case SNAPSHOT_OP_REVERT -> "revert to snapshot";
      case SNAPSHOT_OP_DELETE -> "delete snapshot";
      default -> "list snapshots";
    };
  }
}
