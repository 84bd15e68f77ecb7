package org.vimana.node.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vimana.rpc.AgentReadiness.AGENT_NO_CHANNEL;
import static org.vimana.rpc.AgentReadiness.AGENT_READY;
import static org.vimana.rpc.AgentReadiness.AGENT_UNRESPONSIVE;
import static org.vimana.rpc.AgentReadiness.AGENT_WAITING;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonParser;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.node.Poll;
import org.vimana.node.command.CommandDispatcher;
import org.vimana.node.driver.Drivers;
import org.vimana.rpc.AgentCommand;
import org.vimana.rpc.AgentErrorKind;
import org.vimana.rpc.AgentStatusMsg;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.ErrorKind;

/**
 * The relay against the REAL guest agent, a separate process on each VM's unix socket (the sim
 * driver with an agent-socket override stands in for QEMU's channel): readiness through the VM's
 * life, the pushed guest view, commands and their distinct errors through the command dispatcher, a
 * hung agent, a killed and restarted agent, a reboot, and a stock qemu-guest-agent.
 */
class AgentRelayIT {
  private static final Duration PUSH = Duration.ofMillis(300);

  @TempDir Path dir;
  private Hypervisor sim;
  private AgentSocketOverride hv;
  private ScheduledExecutorService timers;
  private ExecutorService workers;
  private AgentRelay relay;
  private CommandDispatcher commands;
  private final StatusLog log = new StatusLog();

  @BeforeEach
  void start() throws Exception {
    sim =
        Drivers.open(
            "sim",
            "agent-it-" + UUID.randomUUID(),
            Map.of(
                "cores", "4", "memory", "8G", "boot-seconds", "0.05", "shutdown-seconds", "0.05"));
    hv = new AgentSocketOverride(sim, dir);
    timers = Executors.newScheduledThreadPool(1);
    workers = Executors.newCachedThreadPool();
    RelayOptions options = RelayOptions.DEFAULT.withStatusInterval(PUSH);
    relay = new AgentRelay(hv, Clock.systemUTC(), timers, workers, options);
    hv.addListener(relay);
    relay.target(log);
    relay.start();
    commands = new CommandDispatcher(hv, m -> {}, relay);
  }

  @AfterEach
  void stop() {
    relay.close();
    timers.shutdownNow();
    workers.shutdownNow();
    sim.close();
  }

  @Test
  void readinessFollowsTheAgentAndCommandsSayPreciselyWhyTheyFail() throws Exception {
    String vm = runningVm("web");
    AgentStatusMsg waiting = log.await(vm, 0, AGENT_WAITING);
    assertThat(waiting.getReadyAfterMs()).isEqualTo(-1);
    assertThat(agent(vm, "guest-ping", "", 0).getAgentError())
        .isEqualTo(AgentErrorKind.AGENT_ERROR_UNREACHABLE);

    try (GuestAgentProcess agent =
        GuestAgentProcess.vimana(hv.socketOf(vm), "--block-rpcs", "guest-exec")) {
      AgentStatusMsg ready = log.await(vm, 0, AGENT_READY);
      assertThat(ready.getReadyAfterMs()).isPositive();
      JsonObject view = (JsonObject) JsonParser.parse(ready.getGuestViewJson());
      assertThat(view.str("agentKind")).isEqualTo("vimana");
      assertThat(view.str("hostName")).isEqualTo(hostName());
      assertThat(view.integer("memoryTotalBytes")).isEqualTo(memTotalBytes());
      assertThat(view.integer("topProcessCount")).isEqualTo(5);
      assertThat(view.arr("filesystems").size()).isPositive();

      // The agent pushes its status: a newer guest view arrives without a request.
      long first = view.integer("takenAtMs");
      log.await(vm, 0, s -> s.getGuestViewJson().contains("takenAtMs") && takenAt(s) > first);

      CommandResult ping = agent(vm, "guest-ping", "", 0);
      assertThat(ping.getOk()).as(ping.getMessage()).isTrue();
      assertThat(ping.getAgentResultJson()).isEqualTo("{}");
      CommandResult host = agent(vm, "guest-get-host-name", "{}", 2_000);
      assertThat(host.getAgentResultJson()).contains("\"host-name\":\"" + hostName() + "\"");

      CommandResult blocked =
          agent(vm, "guest-exec", "{\"path\":\"/bin/true\",\"capture-output\":true}", 0);
      assertThat(blocked.getOk()).isFalse();
      assertThat(blocked.getError()).isEqualTo(ErrorKind.ERROR_FAILED);
      assertThat(blocked.getAgentError()).isEqualTo(AgentErrorKind.AGENT_ERROR_BLOCKED);
      assertThat(blocked.getMessage()).contains("blocked by the guest's agent policy");
      assertThat(agent(vm, "guest-no-such", "", 0).getAgentError())
          .isEqualTo(AgentErrorKind.AGENT_ERROR_UNKNOWN_COMMAND);
      CommandResult badType = agent(vm, "guest-file-open", "{\"path\":5}", 0);
      assertThat(badType.getAgentError()).isEqualTo(AgentErrorKind.AGENT_ERROR_BAD_ARGUMENTS);
      assertThat(badType.getMessage()).contains("path");
      assertThat(agent(vm, "guest-ping", "[1,2]", 0).getAgentError())
          .isEqualTo(AgentErrorKind.AGENT_ERROR_BAD_ARGUMENTS);
      assertThat(agent(vm, "guest-ping", "{\"a\":", 0).getAgentError())
          .isEqualTo(AgentErrorKind.AGENT_ERROR_BAD_ARGUMENTS);
      assertThat(agent(vm, "rm-rf", "", 0).getError()).isEqualTo(ErrorKind.ERROR_BAD_REQUEST);
      assertThat(agent(vm, "guest-ping", "", 999_999_999).getError())
          .isEqualTo(ErrorKind.ERROR_BAD_REQUEST);

      // A hung agent (socket open, no answers): commands time out, then it is unresponsive.
      int mark = log.size(vm);
      agent.freeze();
      assertThat(agent(vm, "guest-ping", "", 300).getAgentError())
          .isEqualTo(AgentErrorKind.AGENT_ERROR_TIMEOUT);
      log.await(vm, mark, AGENT_UNRESPONSIVE);
      mark = log.size(vm);
      agent.thaw();
      log.await(vm, mark, AGENT_READY);

      // A crashed agent: unresponsive at once (the socket closed), unreachable to commands.
      mark = log.size(vm);
      agent.kill();
      AgentStatusMsg gone = log.await(vm, mark, AGENT_UNRESPONSIVE);
      assertThat(gone.getReadyAfterMs()).isEqualTo(ready.getReadyAfterMs());
      assertThat(agent(vm, "guest-ping", "", 0).getAgentError())
          .isEqualTo(AgentErrorKind.AGENT_ERROR_UNREACHABLE);
    }

    // Restarted: ready again without any action.
    int mark = log.size(vm);
    try (GuestAgentProcess again = GuestAgentProcess.vimana(hv.socketOf(vm))) {
      log.await(vm, mark, AGENT_READY);
      assertThat(agent(vm, "guest-ping", "", 0).getOk()).isTrue();

      // A reboot restarts the boot clock: waiting, then ready with a new time.
      mark = log.size(vm);
      hv.reboot(vm);
      log.await(vm, mark, AGENT_WAITING);
      log.await(vm, mark, AGENT_READY);

      // Stopped: the connection closes and the manager is told there is no channel.
      mark = log.size(vm);
      hv.destroy(vm);
      log.await(vm, mark, AGENT_NO_CHANNEL);
      assertThat(relay.status(vm).readiness()).isEqualTo(Readiness.NO_CHANNEL);
      CommandResult off = agent(vm, "guest-ping", "", 0);
      assertThat(off.getAgentError()).isEqualTo(AgentErrorKind.AGENT_ERROR_UNREACHABLE);
      assertThat(off.getMessage()).contains("no guest agent channel");
    }
  }

  @Test
  void aStockQemuGuestAgentServesTheStandardCommandsAndRefusesExtensionsPlainly() throws Exception {
    String vm = runningVm("legacy");
    try (GuestAgentProcess qga = GuestAgentProcess.qemuGa(hv.socketOf(vm))) {
      AgentStatusMsg ready = log.await(vm, 0, AGENT_READY);
      JsonObject view = (JsonObject) JsonParser.parse(ready.getGuestViewJson());
      assertThat(view.str("agentKind")).isEqualTo("qemu-ga");
      assertThat(view.str("hostName")).isEqualTo(hostName());
      assertThat(view.has("memoryTotalBytes")).isFalse(); // qemu-ga tells no status
      assertThat(agent(vm, "guest-get-osinfo", "", 0).getAgentResultJson())
          .contains("kernel-release");
      CommandResult ext = agent(vm, "vimana-status", "", 0);
      assertThat(ext.getAgentError()).isEqualTo(AgentErrorKind.AGENT_ERROR_UNAVAILABLE);
      assertThat(ext.getMessage()).contains("unavailable on qemu-guest-agent");
    }
  }

  @Test
  void aVmThatIsAlreadyRunningWhenTheRelayStartsIsFound() throws Exception {
    String vm = runningVm("early");
    relay.close();
    try (GuestAgentProcess agent = GuestAgentProcess.vimana(hv.socketOf(vm))) {
      StatusLog later = new StatusLog();
      AgentRelay fresh =
          new AgentRelay(hv, Clock.systemUTC(), timers, workers, RelayOptions.DEFAULT);
      try {
        fresh.target(later);
        fresh.start(); // no event: the first sweep finds the VM
        assertThat(later.await(vm, 0, AGENT_READY).getReadyAfterMs()).isNotNegative();
      } finally {
        fresh.close();
      }
    }
  }

  private String runningVm(String name) throws Exception {
    String id = UUID.randomUUID().toString();
    hv.define(id, new VmSpec(name, 1, 512, 1, "", null, Map.of()));
    hv.start(id);
    Poll.until(name + " running", () -> hv.find(id).filter(v -> v.state() == VmState.RUNNING));
    return id;
  }

  private CommandResult agent(String vm, String command, String args, long timeoutMs) {
    return commands.run(
        Command.newBuilder()
            .setRequestId(UUID.randomUUID().toString())
            .setAgent(
                AgentCommand.newBuilder()
                    .setVmId(vm)
                    .setCommand(command)
                    .setArgumentsJson(args)
                    .setTimeoutMs(timeoutMs))
            .build());
  }

  private static long takenAt(AgentStatusMsg s) {
    return ((JsonObject) JsonParser.parse(s.getGuestViewJson())).integer("takenAtMs");
  }

  private static String hostName() throws Exception {
    return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
  }

  private static long memTotalBytes() throws Exception {
    return Files.readAllLines(Path.of("/proc/meminfo")).stream()
            .filter(l -> l.startsWith("MemTotal:"))
            .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
            .findFirst()
            .orElseThrow()
        * 1024;
  }
}
