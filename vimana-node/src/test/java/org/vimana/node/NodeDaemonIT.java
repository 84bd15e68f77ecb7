package org.vimana.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;
import org.vimana.node.ManagerPeer.Connection;
import org.vimana.node.driver.Drivers;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.DefineVm;
import org.vimana.rpc.ErrorKind;
import org.vimana.rpc.HostStatsMsg;
import org.vimana.rpc.ManagerMessage;
import org.vimana.rpc.NodeMessage.BodyCase;
import org.vimana.rpc.VmActionKind;
import org.vimana.rpc.VmActionRequest;
import org.vimana.rpc.VmEventMsg;
import org.vimana.rpc.VmSpecMsg;
import org.vimana.rpc.VmStatusMsg;
import org.vimana.rpc.Welcome;
import org.vimana.rpc.mapping.WireMapper;

/** A real node daemon on the sim driver against a real gRPC peer of the manager's protocol. */
class NodeDaemonIT {
  private static final String TOKEN = "s3cret";
  private static final Map<String, String> FAST_SIM =
      Map.of("cores", "4", "memory", "8G", "boot-seconds", "0.05", "shutdown-seconds", "0.05");

  private ManagerPeer manager;
  private Hypervisor sim;
  private NodeDaemon node;

  @BeforeEach
  void setUp() throws Exception {
    manager = ManagerPeer.start(TOKEN, 50, 100);
    sim = Drivers.open("sim", "rack1-a", FAST_SIM);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (node != null) {
      node.close();
    }
    sim.close();
    manager.close();
  }

  private NodeConfig config(String token) {
    return new NodeConfig(
        "rack1-a",
        manager.address(),
        token,
        "sim",
        Map.of(),
        Duration.ofMillis(50),
        Duration.ofSeconds(5));
  }

  private static VmSpec spec(String name) {
    return new VmSpec(name, 1, 512, 1, "", null, Map.of("team", "web"));
  }

  private VmStatus awaitState(String vmId, VmState wanted) throws Exception {
    return Poll.until(vmId + " " + wanted, () -> sim.find(vmId).filter(v -> v.state() == wanted));
  }

  private void runningVms(String... ids) throws Exception {
    for (String id : ids) {
      sim.define(id, spec("vm-" + id));
      sim.start(id);
    }
    for (String id : ids) {
      awaitState(id, VmState.RUNNING);
    }
  }

  @Test
  void helloCarriesTheHostAndEveryVmThenTheWelcomeConnects() throws Exception {
    runningVms("v1", "v2");
    sim.define("v3", spec("vm-v3"));
    node = NodeDaemon.start(config(TOKEN), sim);

    Connection c = manager.awaitHello(0);
    assertThat(c.hello().getJoinToken()).isEqualTo(TOKEN);
    assertThat(c.hello().getHost().getName()).isEqualTo("rack1-a");
    assertThat(c.hello().getHost().getDriver()).isEqualTo("sim");
    assertThat(c.hello().getVmsList())
        .extracting(VmStatusMsg::getId, v -> WireMapper.fromWire(v.getState()))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("v1", VmState.RUNNING),
            org.assertj.core.groups.Tuple.tuple("v2", VmState.RUNNING),
            org.assertj.core.groups.Tuple.tuple("v3", VmState.DEFINED));
    assertThat(node.awaitConnected(ManagerPeer.WAIT)).isTrue();
    assertThat(node.hostId()).contains("host-rack1-a");
    assertThat(node.hypervisor()).isSameAs(sim);
  }

  @Test
  void commandsAreAnsweredAndEventsStatsAndHeartbeatsFlow() throws Exception {
    node = NodeDaemon.start(config(TOKEN), sim);
    Connection c = manager.awaitHello(0);
    assertThat(node.awaitConnected(ManagerPeer.WAIT)).isTrue();

    c.send(define("r1", "w1", spec("web"), true));
    CommandResult defined = c.awaitResult("r1");
    assertThat(defined.getOk()).as(defined.getMessage()).isTrue();
    assertThat(defined.getVm().getId()).isEqualTo("w1");
    assertThat(WireMapper.fromWire(defined.getVm().getState())).isEqualTo(VmState.STARTING);

    VmEventMsg started =
        manager.await(
            "w1 started",
            () ->
                c.received(BodyCase.EVENT).stream()
                    .map(m -> m.getEvent())
                    .filter(e -> e.getVmId().equals("w1") && e.getType().equals("STARTED"))
                    .findFirst());
    assertThat(WireMapper.fromWire(started.getState())).isEqualTo(VmState.RUNNING);

    HostStatsMsg stats =
        manager.await(
            "stats with w1",
            () ->
                c.received(BodyCase.STATS).stream()
                    .map(m -> m.getStats())
                    .filter(s -> s.getVmsList().stream().anyMatch(v -> v.getVmId().equals("w1")))
                    .findFirst());
    assertThat(stats.getAtMs()).isPositive();
    assertThat(c.await(BodyCase.HEARTBEAT, 3))
        .allSatisfy(m -> assertThat(m.getHeartbeat().getSentAtMs()).isPositive());

    c.send(action("r2", "w1", VmActionKind.VM_ACTION_SUSPEND));
    assertThat(WireMapper.fromWire(c.awaitResult("r2").getVm().getState()))
        .isEqualTo(VmState.PAUSED);
    c.send(action("r3", "w1", VmActionKind.VM_ACTION_DELETE));
    CommandResult deleted = c.awaitResult("r3");
    assertThat(deleted.getOk()).as(deleted.getMessage()).isTrue();
    assertThat(deleted.hasVm()).isFalse();
    assertThat(sim.find("w1")).isEmpty();
  }

  @Test
  void theNodeOutlivesTheManagerAndResyncsWhenItReturns() throws Exception {
    runningVms("v1", "v2");
    List<VmStatus> before = sim.list();
    node = NodeDaemon.start(config(TOKEN), sim);
    manager.awaitHello(0);
    assertThat(node.awaitConnected(ManagerPeer.WAIT)).isTrue();

    manager.stop();
    assertThat(node.await(ManagerPeer.WAIT, NodeState.DISCONNECTED))
        .isEqualTo(NodeState.DISCONNECTED);
    assertThat(sim.list()).containsExactlyInAnyOrderElementsOf(before);

    manager.restart();
    Connection again = manager.awaitHello(1);
    assertThat(WireMapper.fromWire(again.hello().getVmsList()))
        .containsExactlyInAnyOrderElementsOf(before)
        .allSatisfy(v -> assertThat(v.bootCount()).isEqualTo(1));
    assertThat(node.awaitConnected(ManagerPeer.WAIT)).isTrue();
    assertThat(again.await(BodyCase.HEARTBEAT, 1)).isNotEmpty();
  }

  @Test
  void aStreamTheManagerEndsIsReopenedWithAFreshHello() throws Exception {
    runningVms("v1");
    node = NodeDaemon.start(config(TOKEN), sim);
    Connection first = manager.awaitHello(0);
    assertThat(node.awaitConnected(ManagerPeer.WAIT)).isTrue();

    first.end(Status.OK);
    Connection second = manager.awaitHello(1);
    second.end(Status.ABORTED.withDescription("replaced by a newer connection"));
    Connection third = manager.awaitHello(2);

    assertThat(third.hello().getVmsList()).extracting(VmStatusMsg::getId).containsExactly("v1");
    assertThat(node.awaitConnected(ManagerPeer.WAIT)).isTrue();
    third.send(action("r1", "v1", VmActionKind.VM_ACTION_SUSPEND));
    assertThat(third.awaitResult("r1").getOk()).isTrue();
    assertThat(first.received(BodyCase.RESULT)).isEmpty();
  }

  @Test
  void manyDaemonsShareOneChannel() throws Exception {
    int n = 20;
    List<Hypervisor> hosts = new ArrayList<>();
    List<NodeDaemon> daemons = new ArrayList<>();
    ManagedChannel channel =
        NettyChannelBuilder.forTarget(manager.address()).usePlaintext().build();
    try {
      for (int i = 0; i < n; i++) {
        Hypervisor h = Drivers.open("sim", "h" + i, FAST_SIM);
        hosts.add(h);
        NodeConfig c =
            new NodeConfig(
                "h" + i, manager.address(), TOKEN, "sim", Map.of(), Duration.ofMillis(50), null);
        daemons.add(NodeDaemon.start(c, h, channel));
      }
      for (NodeDaemon d : daemons) {
        assertThat(d.awaitConnected(ManagerPeer.WAIT)).isTrue();
      }
      assertThat(manager.connections()).hasSize(n);
      assertThat(daemons).extracting(d -> d.hostId().orElseThrow()).doesNotHaveDuplicates();

      daemons.get(0).close();
      manager.connections().stream()
          .filter(c -> c.hello().getHost().getName().equals("h0"))
          .findFirst()
          .orElseThrow()
          .awaitEnd();
      assertThat(channel.isShutdown()).isFalse();
      assertThat(daemons.subList(1, n)).allMatch(NodeDaemon::connected);
    } finally {
      daemons.forEach(NodeDaemon::close);
      hosts.forEach(Hypervisor::close);
      channel.shutdownNow();
    }
  }

  @Test
  void aRefusedJoinTokenStopsTheRetriesWithTheManagersReason() throws Exception {
    node = NodeDaemon.start(config("wrong"), sim);

    assertThat(node.await(ManagerPeer.WAIT, NodeState.REJECTED)).isEqualTo(NodeState.REJECTED);
    assertThat(node.rejection()).hasValueSatisfying(r -> assertThat(r).contains("join token"));
    assertThat(node.connected()).isFalse();
    assertThat(node.awaitEnd()).isEqualTo(NodeState.REJECTED);
    // Ten reconnect delays later there is still only the one attempt.
    Thread.sleep(500);
    assertThat(manager.connections()).hasSize(1);
  }

  @Test
  void malformedCommandsGetErrorsAndTheNodeKeepsServing() throws Exception {
    node = NodeDaemon.start(config(TOKEN), sim);
    Connection c = manager.awaitHello(0);
    assertThat(node.awaitConnected(ManagerPeer.WAIT)).isTrue();

    c.send(ManagerMessage.getDefaultInstance());
    c.send(
        ManagerMessage.newBuilder()
            .setWelcome(Welcome.newBuilder().setHeartbeatIntervalMs(-1).setStatsIntervalMs(0))
            .build());
    c.send(Command.newBuilder().setRequestId("no-op").build());
    c.send(
        Command.newBuilder()
            .setRequestId("bad-action")
            .setAction(VmActionRequest.newBuilder().setVmId("x").setActionValue(42))
            .build());
    c.send(
        define("bad-spec", "x", spec("ok"), false).toBuilder()
            .setDefine(
                DefineVm.newBuilder()
                    .setVmId("x")
                    .setSpec(VmSpecMsg.newBuilder().setName("x").setVcpus(-1).setMemoryMib(1)))
            .build());
    c.send(define("no-id", "", spec("ok"), false));
    c.send(action("ghost", "nope", VmActionKind.VM_ACTION_START));

    for (String id : List.of("no-op", "bad-action", "bad-spec", "no-id")) {
      CommandResult r = c.awaitResult(id);
      assertThat(r.getOk()).as(id).isFalse();
      assertThat(r.getError()).as(id).isEqualTo(ErrorKind.ERROR_BAD_REQUEST);
      assertThat(r.getMessage()).as(id).isNotBlank();
    }
    assertThat(c.awaitResult("bad-spec").getMessage()).contains("vcpus");
    assertThat(c.awaitResult("ghost").getError()).isEqualTo(ErrorKind.ERROR_NOT_FOUND);

    c.send(define("good", "g1", spec("good"), false));
    assertThat(c.awaitResult("good").getOk()).isTrue();
    assertThat(manager.connections()).hasSize(1);
    assertThat(node.connected()).isTrue();
    assertThat(node.hostId()).contains("host-rack1-a");
  }

  @Test
  void closingLeavesTheManagerButNotTheVms() throws Exception {
    runningVms("v1");
    node = NodeDaemon.start(config(TOKEN), sim);
    Connection c = manager.awaitHello(0);
    assertThat(node.awaitConnected(ManagerPeer.WAIT)).isTrue();

    node.close();
    c.awaitEnd();
    assertThat(node.state()).isEqualTo(NodeState.CLOSED);
    assertThat(sim.find("v1")).map(VmStatus::state).contains(VmState.RUNNING);
  }

  @Test
  void aDaemonThatOpensItsDriverClosesIt() throws Exception {
    NodeConfig config =
        new NodeConfig(
            "rack1-b", manager.address(), TOKEN, "sim", FAST_SIM, Duration.ofMillis(50), null);
    NodeDaemon own = NodeDaemon.start(config);
    assertThat(manager.awaitHello(0).hello().getHost().getName()).isEqualTo("rack1-b");
    assertThat(own.awaitConnected(ManagerPeer.WAIT)).isTrue();
    assertThat(own.hypervisor().host().capacity().cpuCores()).isEqualTo(4);
    own.close();
    assertThatThrownBy(() -> own.hypervisor().list()).isInstanceOf(HypervisorException.class);
    assertThatThrownBy(
            () ->
                NodeDaemon.start(
                    new NodeConfig("x", manager.address(), TOKEN, "nope", null, null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown driver 'nope'")
        .hasMessageContaining("sim");
  }

  private static Command define(String requestId, String vmId, VmSpec spec, boolean start) {
    return Command.newBuilder()
        .setRequestId(requestId)
        .setDefine(
            DefineVm.newBuilder().setVmId(vmId).setSpec(WireMapper.toWire(spec)).setStart(start))
        .build();
  }

  private static Command action(String requestId, String vmId, VmActionKind kind) {
    return Command.newBuilder()
        .setRequestId(requestId)
        .setAction(VmActionRequest.newBuilder().setVmId(vmId).setAction(kind))
        .build();
  }
}
