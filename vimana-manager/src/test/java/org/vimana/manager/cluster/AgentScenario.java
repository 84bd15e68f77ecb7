package org.vimana.manager.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vimana.manager.cluster.ManagerScenario.await;
import static org.vimana.manager.cluster.ManagerScenario.expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.api.client.ApiException;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.AgentCommandRequest;
import org.vimana.api.model.AgentView;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.api.model.GuestView;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.template.Template;
import org.vimana.core.vm.VmAction;
import org.vimana.core.workload.Workload;
import org.vimana.manager.ManagerConfig;
import org.vimana.manager.ManagerServer;
import org.vimana.node.agent.AgentSocketOverride;
import org.vimana.node.driver.Drivers;

/**
 * The guest agent through the public API: a manager, a sim node daemon whose VMs' agent channels
 * are unix sockets, and the REAL guest agent as a separate process on one VM's socket. Readiness,
 * the guest's view, commands and every refusal with its own code. Subclasses choose the database.
 */
abstract class AgentScenario {
  @TempDir Path dir;
  private SimCluster cluster;
  private VimanaClient api;
  private Hypervisor sim;
  private AgentSocketOverride hv;

  abstract ManagerConfig database(ManagerConfig config) throws Exception;

  @BeforeEach
  void start() throws Exception {
    cluster = SimCluster.start(dir, this::database);
    api = cluster.api;
    sim =
        Drivers.open(
            "sim",
            "g1",
            Map.of("cores", "4", "memory", "8G", "boot-seconds", "0.1", "shutdown-seconds", "0.1"));
    hv = new AgentSocketOverride(sim, Files.createDirectories(dir.resolve("ch")));
    cluster.node("g1", hv);
    api.createTemplate(new Template("t", "", 1, 512, 1, "", new Workload.Constant(0.2, 0.2)));
  }

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void theAgentIsReadyTellsTheGuestsViewAndAnswersCommands() throws Exception {
    String id = create("guest");
    await("waiting", () -> readiness("guest").equals("waiting"));
    assertThat(api.vm("guest").agentReadiness()).isEqualTo("waiting");
    expect(502, "has not answered", () -> call("guest", "guest-ping", null, null));

    try (GuestAgentProcess agent =
        GuestAgentProcess.start(hv.socketOf(id), "--block-rpcs", "guest-exec")) {
      await("ready", () -> readiness("guest").equals("ready"));
      AgentView a = api.agent("guest");
      assertThat(a.readyAfterMs()).isPositive();
      assertThat(a.hostName()).isEqualTo("g1");
      GuestView g = a.guest();
      assertThat(g.agentKind()).isEqualTo("vimana");
      assertThat(g.hostName())
          .isEqualTo(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
      assertThat(g.memoryTotalBytes()).isEqualTo(memTotalBytes());
      assertThat(g.os()).isNotBlank();
      assertThat(g.filesystems()).isNotEmpty();
      assertThat(api.vm("guest").agentReadiness()).isEqualTo("ready");

      assertThat(call("guest", "guest-ping", null, null).isObject()).isTrue();
      assertThat(call("guest", "guest-get-osinfo", null, 5_000L).has("kernel-release")).isTrue();
      JsonNode status =
          call(
              "guest",
              "vimana-status",
              JsonNodeFactory.instance.objectNode().put("top-processes", 3),
              null);
      assertThat(status.get("processes").size()).isEqualTo(3);

      expect(
          403,
          "blocked by the guest's agent policy",
          () ->
              call(
                  "guest",
                  "guest-exec",
                  JsonNodeFactory.instance.objectNode().put("path", "/bin/true"),
                  null));
      expect(404, "not a command of this agent", () -> call("guest", "guest-nope", null, null));
      expect(
          400,
          "path",
          () ->
              call(
                  "guest",
                  "guest-file-open",
                  JsonNodeFactory.instance.objectNode().put("path", 5),
                  null));
      assertThat(errorCode(() -> call("guest", "guest-exec", null, null)))
          .isEqualTo("blocked_by_guest_policy");
      assertThat(errorCode(() -> call("guest", "guest-nope", null, null)))
          .isEqualTo("unknown_command");

      // Bad input at the edge: each a clear 4xx, nothing reaches the guest.
      expect(404, "no VM 'ghost'", () -> call("ghost", "guest-ping", null, null));
      expect(400, "not an agent command", () -> call("guest", "rm", null, null));
      expect(400, "command is required", () -> call("guest", null, null, null));
      expect(400, "timeoutMs must be 1..120000", () -> call("guest", "guest-ping", null, 0L));
      expect(400, "timeoutMs must be 1..120000", () -> call("guest", "guest-ping", null, 999_999L));
      ManagerServer manager = cluster.manager;
      String path = "/api/v1/vms/guest/agent";
      assertThat(
              ManagerScenario.raw(
                  manager, "POST", path, "{\"command\": \"guest-ping\",\n \"arguments\": }"))
          .startsWith("400")
          .contains("malformed JSON at line 2");
      assertThat(
              ManagerScenario.raw(
                  manager, "POST", path, "{\"command\":\"guest-ping\",\"arguments\":[1]}"))
          .startsWith("400")
          .contains("arguments must be a JSON object");
      assertThat(
              ManagerScenario.raw(
                  manager, "POST", path, "{\"command\":\"guest-ping\",\"args\":{}}"))
          .startsWith("400")
          .contains("unknown field");
      assertThat(
              ManagerScenario.raw(
                  manager, "POST", path, "{\"command\":\"guest-ping\",\"timeoutMs\":\"soon\"}"))
          .startsWith("400");
      assertThat(ManagerScenario.raw(manager, "GET", "/api/v1/vms/ghost/agent", null))
          .startsWith("404");

      // Stopped: no channel, and commands are refused for the VM's state.
      api.action("guest", VmAction.FORCE_STOP);
      await("stopped", () -> vmState("guest").equals("stopped"));
      await("no channel", () -> readiness("guest").equals("no_channel"));
      assertThat(api.agent("guest").guest()).isNull();
      expect(409, "runs only while it runs", () -> call("guest", "guest-ping", null, null));
    }
  }

  @Test
  void aVmWithoutAnAgentSaysItIsUnreachableNotBlocked() throws Exception {
    create("bare");
    await("waiting", () -> readiness("bare").equals("waiting"));
    assertThat(errorCode(() -> call("bare", "guest-exec", null, null)))
        .isEqualTo("agent_unreachable");
    assertThat(api.agent("bare").readyAfterMs()).isNull();
  }

  private String create(String name) throws Exception {
    String id =
        api.createVm(new CreateVmRequest(name, "t", null, null, null, null, null, null, "g1", null))
            .id();
    await(name + " running", () -> vmState(name).equals("running"));
    return id;
  }

  private JsonNode call(String vm, String command, JsonNode args, Long timeoutMs)
      throws ApiException {
    return api.agentCommand(vm, new AgentCommandRequest(command, args, timeoutMs));
  }

  private static String errorCode(ManagerScenario.Call c) {
    try {
      c.call();
    } catch (ApiException e) {
      return e.error();
    }
    throw new AssertionError("expected a refusal");
  }

  private String readiness(String vm) {
    try {
      return api.agent(vm).readiness();
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private String vmState(String vm) {
    try {
      return api.vm(vm).state();
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
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
