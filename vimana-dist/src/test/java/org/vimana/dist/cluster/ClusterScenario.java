package org.vimana.dist.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.vimana.api.client.ApiException;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.api.model.HostView;
import org.vimana.api.model.MigrateRequest;
import org.vimana.api.model.MigrationView;
import org.vimana.api.model.VmFilter;
import org.vimana.api.model.VmView;
import org.vimana.core.template.Template;
import org.vimana.core.vm.VmAction;
import org.vimana.core.workload.Workload;

/**
 * The cluster as a new user meets it: a manager and three node daemons as separate processes on the
 * sim driver, driven through the public API only. Subclasses choose the database. The steps run in
 * order on one cluster, as an operator's session would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ClusterScenario {
  private static final Duration UP = Duration.ofSeconds(60);
  private static final List<String> NODES = List.of("rack1-a", "rack1-b", "rack1-c");
  private static final String[] HOST_SIZE = {"cores=8", "memory=16G", "boot-seconds=0.5"};

  private Path dir;
  private ClusterProcesses cluster;
  private VimanaClient api;

  /** Extra arguments of {@code vimana manager} that choose its database. */
  abstract List<String> databaseArgs() throws Exception;

  @BeforeAll
  void startCluster() throws Exception {
    // Kept after the run (under target/) so a failure's process logs can be read.
    dir = Path.of("target", "cluster-it", getClass().getSimpleName()).toAbsolutePath();
    if (Files.exists(dir)) {
      try (var old = Files.walk(dir)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
    cluster = new ClusterProcesses(dir, databaseArgs());
    cluster.startManager();
    api = cluster.client();
    for (String n : NODES) {
      cluster.startNode(n, HOST_SIZE);
    }
    awaitHostsUp(NODES.size());
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void vmsCreatedFromATemplateRunSpreadOverTheHostsWithLiveFigures() throws Exception {
    api.createTemplate(
        new Template("small", "test VM", 1, 1024, 10, "", new Workload.Constant(0.4, 0.5)));
    for (int i = 1; i <= 9; i++) {
      VmView vm = api.createVm(CreateVmRequest.fromTemplate("vm-" + i, "small"));
      assertThat(vm.hostName()).isIn(NODES);
    }
    cluster.awaitTrue("9 running VMs", UP, () -> count(VmFilter.all(), "running") == 9);
    Map<String, Long> perHost =
        vms().stream().collect(Collectors.groupingBy(VmView::hostName, Collectors.counting()));
    assertThat(perHost).containsOnlyKeys(NODES).allSatisfy((h, n) -> assertThat(n).isEqualTo(3L));
    cluster.awaitTrue(
        "live CPU and memory figures for every VM and host",
        UP,
        () ->
            vms().stream().allMatch(v -> v.cpuPercent() != null && v.memoryUsedMib() != null)
                && hosts().stream().allMatch(h -> h.cpuPercent() != null));
    for (VmView v : vms()) {
      // constant 40 % of one vCPU, 50 % of 1 GiB
      assertThat(v.cpuPercent()).isBetween(30.0, 50.0);
      assertThat(v.memoryUsedMib()).isBetween(400L, 600L);
    }
  }

  @Test
  @Order(2)
  void stopStartDestroyAndDeleteAVm() throws Exception {
    api.action("vm-1", VmAction.SHUTDOWN);
    awaitState("vm-1", "stopped");
    api.action("vm-1", VmAction.START);
    awaitState("vm-1", "running");
    api.action("vm-1", VmAction.FORCE_STOP);
    awaitState("vm-1", "stopped");
    api.deleteVm("vm-1");
    assertThatThrownBy(() -> api.vm("vm-1"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(vms()).hasSize(8);
  }

  @Test
  @Order(2)
  void aVmMigratesLiveBetweenTwoNodeProcesses() throws Exception {
    VmView vm = api.vm("vm-2");
    String to = NODES.stream().filter(n -> !n.equals(vm.hostName())).findFirst().orElseThrow();
    MigrationView m = api.migrate("vm-2", new MigrateRequest(to, 100L, null, null));
    cluster.awaitTrue("migration ended", UP, () -> migration(m.id()).endedAt() != null);
    MigrationView done = migration(m.id());
    // The sim hosts live in separate JVMs: the VM crossed the target's peer socket.
    assertThat(done.state()).as(done.message()).isEqualTo("succeeded");
    assertThat(done.totalMs()).isPositive();
    VmView after = api.vm("vm-2");
    assertThat(after.hostName()).isEqualTo(to);
    assertThat(after.state()).isEqualTo("running");
    assertThat(after.bootCount()).isEqualTo(vm.bootCount());
    // And home again, so that the later steps find three VMs on each host.
    MigrationView back = api.migrate("vm-2", new MigrateRequest(vm.hostName(), null, null, null));
    cluster.awaitTrue("migration back ended", UP, () -> migration(back.id()).endedAt() != null);
    assertThat(migration(back.id()).state()).isEqualTo("succeeded");
    assertThat(api.vm("vm-2").hostName()).isEqualTo(vm.hostName());
  }

  private MigrationView migration(String id) {
    try {
      return api.migration(id);
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @Test
  @Order(3)
  void aKilledManagerRestartsWithItsInventoryReconciled() throws Exception {
    Map<String, VmView> before = byId(vms());
    cluster.killManager();
    cluster.startManager();
    awaitHostsUp(NODES.size());
    cluster.awaitTrue(
        "8 running VMs after restart", UP, () -> count(VmFilter.all(), "running") == 8);
    Map<String, VmView> after = byId(vms());
    assertThat(after.keySet()).isEqualTo(before.keySet());
    after.forEach(
        (id, vm) -> {
          assertThat(vm.name()).isEqualTo(before.get(id).name());
          assertThat(vm.hostId()).isEqualTo(before.get(id).hostId());
          // Still the same boot: the VMs kept running while the manager was away.
          assertThat(vm.bootCount()).isEqualTo(before.get(id).bootCount());
        });
  }

  @Test
  @Order(4)
  void aKilledNodeTurnsItsHostDownAndItsVmsUnknownThenBack() throws Exception {
    String victim = NODES.get(1);
    Map<String, VmView> onVictim = byId(api.vms(new VmFilter(null, victim, null)));
    assertThat(onVictim).hasSize(3);
    cluster.killNode(victim);
    // The stream's end is seen at once; the heartbeat timeout (10 s) bounds a silent partition.
    cluster.awaitTrue(
        "host " + victim + " down", Duration.ofSeconds(15), () -> hostState(victim).equals("down"));
    cluster.awaitTrue(
        "its VMs unknown",
        Duration.ofSeconds(5),
        () -> count(new VmFilter(null, victim, null), "unknown") == 3);
    assertThat(count(VmFilter.all(), "running")).isEqualTo(5);

    cluster.startNode(victim, HOST_SIZE);
    cluster.awaitTrue("host " + victim + " up", UP, () -> hostState(victim).equals("up"));
    cluster.awaitTrue(
        "its VMs running again", UP, () -> count(new VmFilter(null, victim, null), "running") == 3);
    for (VmView vm : api.vms(new VmFilter(null, victim, null))) {
      assertThat(vm.bootCount()).isEqualTo(onVictim.get(vm.id()).bootCount());
    }
  }

  @Test
  @Order(5)
  void aNodeWithABadJoinTokenIsRefusedAndNotEnrolled() throws Exception {
    Path wrong = dir.resolve("wrong.token");
    Files.writeString(wrong, "not-the-join-token");
    Process intruder = cluster.startNode("intruder", wrong);
    assertThat(intruder.waitFor(30, TimeUnit.SECONDS)).as("intruder node exits").isTrue();
    assertThat(intruder.exitValue()).isNotZero();
    assertThat(Files.readString(cluster.log("node-intruder"))).containsIgnoringCase("join token");
    assertThat(hosts()).extracting(HostView::name).doesNotContain("intruder");
  }

  @Test
  @Order(6)
  void badRequestsGetPreciseErrorsAndChangeNothing() throws Exception {
    Map<String, VmView> before = byId(vms());
    assertStatus(
        400,
        "vcpus",
        () ->
            api.createVm(
                new CreateVmRequest("zero", null, 0, 1024L, 1L, null, null, null, null, null)));
    assertStatus(
        409,
        "memory",
        () ->
            api.createVm(
                new CreateVmRequest(
                    "huge", null, 1, 1024L * 1024, 1L, null, null, null, null, null)));
    assertStatus(404, "nope", () -> api.vm("nope"));
    assertStatus(
        404,
        "no-such-template",
        () -> api.createVm(CreateVmRequest.fromTemplate("x", "no-such-template")));
    assertStatus(409, "vm-2", () -> api.createVm(CreateVmRequest.fromTemplate("vm-2", "small")));
    VimanaClient wrongToken = new VimanaClient(cluster.apiUrl(), "wrong");
    assertStatus(401, "token", wrongToken::hosts);

    HttpResponse<String> malformed = post("/api/v1/vms", "{\"name\": \"a\", ");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("invalid_request");
    HttpResponse<String> unknownField = post("/api/v1/vms", "{\"name\":\"a\",\"vcpu\":2}");
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(unknownField.body()).contains("vcpu");

    Map<String, VmView> after = byId(vms());
    assertThat(after.keySet()).isEqualTo(before.keySet());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(cluster.apiUrl() + path))
                .header("Authorization", "Bearer " + cluster.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private interface ApiCall {
    Object call() throws ApiException;
  }

  private static void assertStatus(int status, String mentioned, ApiCall call) {
    assertThatThrownBy(call::call)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
              assertThat(e.getMessage()).containsIgnoringCase(mentioned);
            });
  }

  private void awaitHostsUp(int n) {
    cluster.awaitTrue(
        n + " hosts up",
        UP,
        () -> hosts().stream().filter(h -> h.state().equals("up")).count() == n);
  }

  private void awaitState(String vm, String state) {
    cluster.awaitTrue(
        vm + " " + state,
        UP,
        () -> {
          try {
            return api.vm(vm).state().equals(state);
          } catch (ApiException e) {
            return false;
          }
        });
  }

  private String hostState(String name) {
    return hosts().stream()
        .filter(h -> h.name().equals(name))
        .map(HostView::state)
        .findFirst()
        .orElse("absent");
  }

  private long count(VmFilter filter, String state) {
    try {
      return api.vms(filter).stream().filter(v -> v.state().equals(state)).count();
    } catch (ApiException e) {
      return -1;
    }
  }

  private List<HostView> hosts() {
    try {
      return api.hosts();
    } catch (ApiException e) {
      return List.of();
    }
  }

  private List<VmView> vms() {
    try {
      return api.vms(VmFilter.all());
    } catch (ApiException e) {
      throw new AssertionError("cannot list VMs: " + e.getMessage(), e);
    }
  }

  private static Map<String, VmView> byId(List<VmView> vms) {
    return vms.stream().collect(Collectors.toMap(VmView::id, Function.identity()));
  }
}
