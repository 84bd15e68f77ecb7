package org.vimana.node.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.vm.VmAction;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.node.Poll;
import org.vimana.node.driver.Drivers;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.DefineVm;
import org.vimana.rpc.ErrorKind;
import org.vimana.rpc.VmActionKind;
import org.vimana.rpc.VmActionRequest;
import org.vimana.rpc.VmSpecMsg;
import org.vimana.rpc.mapping.WireMapper;

/** The node's command handlers on the real sim driver. */
class CommandDispatcherTest {
  private final Hypervisor sim = open();
  private final CommandDispatcher commands = new CommandDispatcher(sim);

  private static Hypervisor open() {
    try {
      return Drivers.open(
          "sim", "h1", Map.of("cores", "2", "memory", "2G", "boot-seconds", "0.02"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @AfterEach
  void close() {
    sim.close();
  }

  private CommandResult define(String id, VmSpecMsg spec, boolean start) {
    return commands.run(
        Command.newBuilder()
            .setRequestId("r-" + id)
            .setDefine(DefineVm.newBuilder().setVmId(id).setSpec(spec).setStart(start))
            .build());
  }

  private CommandResult action(String id, VmAction a) {
    return commands.run(
        Command.newBuilder()
            .setRequestId("a-" + id)
            .setAction(VmActionRequest.newBuilder().setVmId(id).setAction(WireMapper.toWire(a)))
            .build());
  }

  private static VmSpecMsg spec(String name, long memoryMib) {
    return WireMapper.toWire(new VmSpec(name, 1, memoryMib, 1, "", null, Map.of()));
  }

  @Test
  void defineAndStartAnswersWithTheVmAndTheSameRequestId() {
    CommandResult r = define("v1", spec("web", 512), true);
    assertThat(r.getOk()).isTrue();
    assertThat(r.getRequestId()).isEqualTo("r-v1");
    assertThat(WireMapper.fromWire(r.getVm()).state()).isEqualTo(VmState.STARTING);
  }

  private VmState stateAfter(String id, VmAction a) {
    CommandResult r = action(id, a);
    assertThat(r.getOk()).as(a + ": " + r.getMessage()).isTrue();
    assertThat(r.getRequestId()).isEqualTo("a-" + id);
    assertThat(r.getVm().getId()).isEqualTo(id);
    return WireMapper.fromWire(r.getVm().getState());
  }

  private void running(String id) throws Exception {
    define(id, spec("vm-" + id, 256), true);
    Poll.until(id + " running", () -> sim.find(id).filter(v -> v.state() == VmState.RUNNING));
  }

  @Test
  void everyActionReachesTheHypervisorAndAnswersWithTheVm() throws Exception {
    running("v1");
    assertThat(stateAfter("v1", VmAction.SUSPEND)).isEqualTo(VmState.PAUSED);
    assertThat(stateAfter("v1", VmAction.RESUME)).isEqualTo(VmState.RUNNING);
    assertThat(stateAfter("v1", VmAction.REBOOT)).isEqualTo(VmState.STARTING);
    Poll.until("v1 rebooted", () -> sim.find("v1").filter(v -> v.state() == VmState.RUNNING));
    assertThat(stateAfter("v1", VmAction.FORCE_STOP)).isEqualTo(VmState.STOPPED);
    assertThat(stateAfter("v1", VmAction.START)).isEqualTo(VmState.STARTING);
    Poll.until("v1 running", () -> sim.find("v1").filter(v -> v.state() == VmState.RUNNING));
    assertThat(stateAfter("v1", VmAction.SHUTDOWN)).isEqualTo(VmState.SHUTTING_DOWN);
    Poll.until("v1 stopped", () -> sim.find("v1").filter(v -> v.state() == VmState.STOPPED));

    CommandResult deleted = action("v1", VmAction.DELETE);
    assertThat(deleted.getOk()).as(deleted.getMessage()).isTrue();
    assertThat(deleted.hasVm()).isFalse();
    assertThat(sim.find("v1")).isEmpty();
    assertThat(action("v1", VmAction.DELETE).getError()).isEqualTo(ErrorKind.ERROR_NOT_FOUND);
  }

  @Test
  void defineWithoutStartLeavesTheVmDefined() {
    CommandResult r = define("v1", spec("web", 512), false);
    assertThat(r.getOk()).isTrue();
    assertThat(WireMapper.fromWire(r.getVm()).state()).isEqualTo(VmState.DEFINED);
    assertThat(WireMapper.fromWire(r.getVm()).spec().name()).isEqualTo("web");
  }

  @Test
  void missingFieldsAreNamed() {
    CommandResult noSpec =
        commands.run(
            Command.newBuilder()
                .setRequestId("s")
                .setDefine(DefineVm.newBuilder().setVmId("v1"))
                .build());
    assertThat(noSpec.getError()).isEqualTo(ErrorKind.ERROR_BAD_REQUEST);
    assertThat(noSpec.getMessage()).contains("spec");
    CommandResult noVmId =
        commands.run(
            Command.newBuilder()
                .setRequestId("i")
                .setAction(VmActionRequest.newBuilder().setAction(VmActionKind.VM_ACTION_START))
                .build());
    assertThat(noVmId.getMessage()).contains("vm_id");
    CommandResult noRequestId =
        commands.run(
            Command.newBuilder()
                .setAction(
                    VmActionRequest.newBuilder()
                        .setVmId("v")
                        .setAction(VmActionKind.VM_ACTION_START))
                .build());
    assertThat(noRequestId.getError()).isEqualTo(ErrorKind.ERROR_BAD_REQUEST);
    assertThat(noRequestId.getMessage()).contains("request_id");
  }

  @Test
  void deleteOfARunningVmPowersItOffFirst() throws Exception {
    define("v1", spec("web", 512), true);
    CommandResult r = action("v1", VmAction.DELETE);
    assertThat(r.getOk()).as(r.getMessage()).isTrue();
    assertThat(sim.find("v1")).isEmpty();
  }

  @Test
  void badCommandsGetBadRequestAndTheNodeKeepsServing() {
    assertThat(commands.run(Command.newBuilder().setRequestId("x").build()).getError())
        .isEqualTo(ErrorKind.ERROR_BAD_REQUEST);
    CommandResult zero =
        define(
            "v0", VmSpecMsg.newBuilder().setName("z").setVcpus(0).setMemoryMib(1).build(), false);
    assertThat(zero.getError()).isEqualTo(ErrorKind.ERROR_BAD_REQUEST);
    assertThat(zero.getMessage()).contains("vcpus");
    CommandResult noAction =
        commands.run(
            Command.newBuilder()
                .setRequestId("y")
                .setAction(
                    VmActionRequest.newBuilder()
                        .setVmId("v")
                        .setAction(VmActionKind.VM_ACTION_UNSPECIFIED))
                .build());
    assertThat(noAction.getError()).isEqualTo(ErrorKind.ERROR_BAD_REQUEST);
    assertThat(define("v2", spec("ok", 512), true).getOk()).isTrue();
  }

  @Test
  void hypervisorRefusalsKeepTheirKind() {
    assertThat(action("ghost", VmAction.START).getError()).isEqualTo(ErrorKind.ERROR_NOT_FOUND);
    define("v1", spec("web", 512), false);
    assertThat(action("v1", VmAction.SUSPEND).getError()).isEqualTo(ErrorKind.ERROR_INVALID_STATE);
    assertThat(define("v1", spec("web", 512), false).getError())
        .isEqualTo(ErrorKind.ERROR_ALREADY_EXISTS);
    assertThat(define("v3", spec("big", 4096), true).getError())
        .isEqualTo(ErrorKind.ERROR_NO_CAPACITY);
  }
}
