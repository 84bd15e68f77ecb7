package org.vimana.node.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;
import org.vimana.node.driver.Drivers;
import org.vimana.rpc.CancelMigration;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.ErrorKind;
import org.vimana.rpc.MigrateVm;
import org.vimana.rpc.NodeMessage;
import org.vimana.rpc.PrepareIncoming;
import org.vimana.rpc.SnapshotOp;
import org.vimana.rpc.SnapshotRequest;
import org.vimana.rpc.mapping.WireMapper;

/**
 * The migration and snapshot handlers on two real sim hosts of one process (they share the sim
 * fabric, so the VM really moves), and their answers to bad commands.
 */
class MigrationHandlersTest {
  private final List<NodeMessage> progress = new CopyOnWriteArrayList<>();
  private final Hypervisor a = open("mig-a", "256"); // 1 GiB at 256 MiB/s: about 4 s
  private final Hypervisor b = open("mig-b", "256");
  private final CommandDispatcher onA = new CommandDispatcher(a, progress::add);
  private final CommandDispatcher onB = new CommandDispatcher(b);

  private static Hypervisor open(String name, String bandwidth) {
    try {
      return Drivers.open(
          "sim",
          name,
          Map.of(
              "cores",
              "2",
              "memory",
              "4G",
              "boot-seconds",
              "0.02",
              "migration-bandwidth",
              bandwidth));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  private VmStatus running(String id) throws Exception {
    a.define(id, new VmSpec(id, 1, 1024, 1, "", null, Map.of()));
    a.start(id);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (a.find(id).orElseThrow().state() != VmState.RUNNING) {
      assertThat(System.nanoTime()).as("VM boots").isLessThan(deadline);
      Thread.sleep(10);
    }
    return a.find(id).orElseThrow();
  }

  private static Command prepare(VmStatus vm) {
    return Command.newBuilder()
        .setRequestId("p")
        .setPrepareIncoming(PrepareIncoming.newBuilder().setVm(WireMapper.toWire(vm)))
        .build();
  }

  private static Command migrate(String id, String uri, long timeoutMs) {
    return Command.newBuilder()
        .setRequestId("m")
        .setMigrate(
            MigrateVm.newBuilder()
                .setVmId(id)
                .setTargetUri(uri)
                .setMaxDowntimeMs(300)
                .setMigrationId("mig-1")
                .setTimeoutMs(timeoutMs))
        .build();
  }

  @Test
  void prepareThenMigrateMovesTheVmAndReportsProgressAndFigures() throws Exception {
    VmStatus vm = running("v1");
    CommandResult prepared = onB.run(prepare(vm));
    assertThat(prepared.getOk()).as(prepared.getMessage()).isTrue();
    assertThat(prepared.getTargetUri()).startsWith("sim://mig-b?peer=");

    CommandResult moved = onA.run(migrate("v1", prepared.getTargetUri(), 60_000));

    assertThat(moved.getOk()).as(moved.getMessage()).isTrue();
    assertThat(moved.getMigration().getTotalMs()).isPositive();
    assertThat(moved.getMigration().getTransferredMib()).isGreaterThanOrEqualTo(1024);
    assertThat(a.find("v1")).isEmpty();
    assertThat(b.find("v1").orElseThrow().state()).isEqualTo(VmState.RUNNING);
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(0).getMigrationProgress().getMigrationId()).isEqualTo("mig-1");
    assertThat(progress.get(0).getMigrationProgress().getTotalMib()).isPositive();
  }

  @Test
  void aMigrationThatOverrunsItsTimeoutIsCancelledAndTheVmStays() throws Exception {
    VmStatus vm = running("v2");
    String uri = onB.run(prepare(vm)).getTargetUri();

    CommandResult late = onA.run(migrate("v2", uri, 600));

    assertThat(late.getOk()).isFalse();
    assertThat(late.getMessage()).contains("did not finish within 600 ms");
    assertThat(a.find("v2").orElseThrow().state()).isEqualTo(VmState.RUNNING);
    assertThat(b.find("v2")).isEmpty();
  }

  @Test
  void cancelOfAVmThatIsNotMigratingIsRefusedAsInvalidState() throws Exception {
    running("v3");
    CommandResult r =
        onA.run(
            Command.newBuilder()
                .setRequestId("c")
                .setCancelMigration(CancelMigration.newBuilder().setVmId("v3"))
                .build());
    assertThat(r.getOk()).isFalse();
    assertThat(r.getError()).isEqualTo(ErrorKind.ERROR_INVALID_STATE);
    assertThat(r.getMessage()).contains("is not migrating");
  }

  @Test
  void badMigrationCommandsAreRefusedWithWhatIsMissing() throws Exception {
    running("v4");
    CommandResult noUri = onA.run(migrate("v4", "", 1000));
    assertThat(noUri.getError()).isEqualTo(ErrorKind.ERROR_BAD_REQUEST);
    assertThat(noUri.getMessage()).contains("target_uri is required");
    CommandResult noTimeout = onA.run(migrate("v4", "sim://mig-b", 0));
    assertThat(noTimeout.getMessage()).contains("timeout_ms must be positive");
    CommandResult notPrepared = onA.run(migrate("v4", "sim://mig-b", 1000));
    assertThat(notPrepared.getOk()).isFalse();
    assertThat(notPrepared.getMessage()).contains("not prepared");
    CommandResult noVm =
        onB.run(
            Command.newBuilder()
                .setRequestId("p")
                .setPrepareIncoming(PrepareIncoming.getDefaultInstance())
                .build());
    assertThat(noVm.getMessage()).contains("vm is required");
    assertThat(a.find("v4").orElseThrow().state()).isEqualTo(VmState.RUNNING);
  }

  @Test
  void snapshotCommandsAnswerWithTheListAfterThem() throws Exception {
    running("v5");
    CommandResult made = onA.run(snapshot("v5", SnapshotOp.SNAPSHOT_OP_CREATE, "s1"));
    assertThat(made.getOk()).as(made.getMessage()).isTrue();
    assertThat(made.getSnapshotsList()).extracting(s -> s.getName()).containsExactly("s1");
    CommandResult noName = onA.run(snapshot("v5", SnapshotOp.SNAPSHOT_OP_REVERT, ""));
    assertThat(noName.getError()).isEqualTo(ErrorKind.ERROR_BAD_REQUEST);
    CommandResult gone = onA.run(snapshot("v5", SnapshotOp.SNAPSHOT_OP_DELETE, "s1"));
    assertThat(gone.getSnapshotsList()).isEmpty();
  }

  private static Command snapshot(String id, SnapshotOp op, String name) {
    return Command.newBuilder()
        .setRequestId("s")
        .setSnapshot(SnapshotRequest.newBuilder().setVmId(id).setOp(op).setName(name))
        .build();
  }
}
