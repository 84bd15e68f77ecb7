package org.vimana.manager.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.api.client.ApiException;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.api.model.VmFilter;
import org.vimana.api.model.VmView;
import org.vimana.core.template.Template;
import org.vimana.core.vm.VmAction;
import org.vimana.core.workload.Workload;
import org.vimana.manager.ManagerConfig;
import org.vimana.manager.ManagerServer;
import org.vimana.node.NodeConfig;
import org.vimana.node.NodeDaemon;
import org.vimana.node.NodeState;

/**
 * A manager with real node daemons on the sim driver in this JVM, over real sockets. Subclasses
 * choose the database.
 */
abstract class ManagerScenario {
  @TempDir Path dir;
  private ManagerServer manager;
  private VimanaClient api;
  private final List<NodeDaemon> nodes = new ArrayList<>();

  abstract ManagerConfig database(ManagerConfig config) throws Exception;

  @BeforeEach
  void start() throws Exception {
    manager = ManagerServer.start(config());
    api = new VimanaClient(manager.apiUrl(), manager.adminToken());
  }

  private ManagerConfig config() throws Exception {
    return database(
        ManagerConfig.defaults(dir.resolve("manager"))
            .withIntervals(
                Duration.ofMillis(200), Duration.ofMillis(1500), Duration.ofMillis(200)));
  }

  @AfterEach
  void stop() {
    nodes.forEach(NodeDaemon::close);
    if (manager != null) {
      manager.close();
    }
  }

  private NodeDaemon node(String name, String token) throws Exception {
    NodeConfig c =
        new NodeConfig(
            name,
            "127.0.0.1:" + manager.grpcPort(),
            token,
            "sim",
            Map.of(
                "cores", "4",
                "memory", "8G",
                "boot-seconds", "0.1",
                "shutdown-seconds", "0.1",
                "state-dir", dir.resolve("sim-" + name).toString()),
            Duration.ofMillis(100),
            null);
    NodeDaemon d = NodeDaemon.start(c);
    nodes.add(d);
    return d;
  }

  private void twoHostsUp() throws Exception {
    assertThat(node("h1", manager.joinToken()).awaitConnected(Duration.ofSeconds(10))).isTrue();
    assertThat(node("h2", manager.joinToken()).awaitConnected(Duration.ofSeconds(10))).isTrue();
    api.createTemplate(new Template("t", "", 1, 1024, 1, "", new Workload.Constant(0.5, 0.5)));
  }

  @Test
  void createRunStopStartDeleteThroughTheApi() throws Exception {
    twoHostsUp();
    VmView a = api.createVm(CreateVmRequest.fromTemplate("a", "t"));
    VmView b = api.createVm(CreateVmRequest.fromTemplate("b", "t"));
    assertThat(a.hostName()).isNotEqualTo(b.hostName()); // least-loaded spreads them
    await("both running", () -> count("running") == 2);
    await("live figures", () -> vm("a").cpuPercent() != null);
    assertThat(vm("a").cpuPercent()).isEqualTo(50.0);
    api.action("a", VmAction.SHUTDOWN);
    await("a stopped", () -> vm("a").state().equals("stopped"));
    api.action("a", VmAction.START);
    await("a running", () -> vm("a").state().equals("running"));
    api.action("a", VmAction.SUSPEND);
    await("a paused", () -> vm("a").state().equals("paused"));
    api.action("a", VmAction.RESUME);
    await("a running", () -> vm("a").state().equals("running"));
    api.setTags("a", List.of("web", "prod"));
    assertThat(api.vms(new VmFilter("web", null, null)))
        .extracting(VmView::name)
        .containsExactly("a");
    expect(
        409,
        "stop it first",
        () -> {
          api.deleteVm("a");
          return null;
        });
    api.deleteVm("a", true);
    expect(404, "no VM 'a'", () -> api.vm("a"));
    assertThat(api.vms(VmFilter.all())).extracting(VmView::name).containsExactly("b");
  }

  @Test
  void badRequestsGetPreciseErrorsAndChangeNothing() throws Exception {
    twoHostsUp();
    api.createVm(CreateVmRequest.fromTemplate("keep", "t"));
    await("keep running", () -> count("running") == 1);
    List<VmView> before = api.vms(VmFilter.all());

    expect(
        400,
        "vcpus must be positive",
        () ->
            api.createVm(new CreateVmRequest("z", null, 0, 1L, 1L, null, null, null, null, null)));
    expect(
        400,
        "required",
        () ->
            api.createVm(
                new CreateVmRequest("z", null, null, null, null, null, null, null, null, null)));
    expect(
        409,
        "memory",
        () ->
            api.createVm(
                new CreateVmRequest("z", null, 1, 1L << 30, 1L, null, null, null, null, null)));
    expect(
        404, "no template 'nope'", () -> api.createVm(CreateVmRequest.fromTemplate("z", "nope")));
    expect(409, "already exists", () -> api.createVm(CreateVmRequest.fromTemplate("keep", "t")));
    expect(
        400,
        "tag",
        () ->
            api.createVm(
                new CreateVmRequest(
                    "z", "t", null, null, null, null, null, List.of("bad tag"), null, null)));
    expect(404, "no VM 'ghost'", () -> api.vm("ghost"));
    expect(404, "no host 'ghost'", () -> api.vms(new VmFilter(null, "ghost", null)));
    expect(400, "unknown state 'sleepy'", () -> api.vms(new VmFilter(null, null, "sleepy")));
    expect(409, "cannot resume", () -> api.action("keep", VmAction.RESUME));
    expect(
        409,
        "stop it first",
        () -> {
          api.deleteVm("keep");
          return null;
        });
    expect(401, "not valid", () -> new VimanaClient(manager.apiUrl(), "wrong").hosts());

    assertThat(raw(manager, "POST", "/api/v1/vms", "{\"name\": \"x\",\n \"vcpus\": }"))
        .startsWith("400")
        .contains("malformed JSON at line 2");
    assertThat(raw(manager, "POST", "/api/v1/vms", "{\"name\":\"x\",\"vcpu\":2}"))
        .startsWith("400")
        .contains("unknown field \\\"vcpu\\\"");
    assertThat(raw(manager, "POST", "/api/v1/vms", "")).startsWith("400").contains("empty");
    assertThat(raw(manager, "POST", "/api/v1/vms", "[1,2]")).startsWith("400");
    assertThat(raw(manager, "GET", "/api/v1/events?limit=abc", null))
        .startsWith("400")
        .contains("limit");
    assertThat(raw(manager, "POST", "/api/v1/hosts/h1/maintenance", "{}"))
        .startsWith("400")
        .contains("enabled");
    assertThat(raw(manager, "GET", "/api/v1/nothing", null))
        .startsWith("404")
        .contains("not_found");

    List<VmView> after = api.vms(VmFilter.all());
    assertThat(after).extracting(VmView::id).isEqualTo(before.stream().map(VmView::id).toList());
    assertThat(api.templates()).hasSize(1);
  }

  @Test
  void aNodeWithAWrongJoinTokenIsRejectedAndNotEnrolled() throws Exception {
    NodeDaemon bad = node("intruder", "not-the-token");
    assertThat(bad.awaitEnd()).isEqualTo(NodeState.REJECTED);
    assertThat(bad.rejection()).get().asString().contains("join token rejected");
    assertThat(api.hosts()).isEmpty();
  }

  @Test
  void aLostNodeTurnsItsHostDownAndVmsUnknownAndAReturningOneRestoresThem() throws Exception {
    twoHostsUp();
    api.createVm(new CreateVmRequest("p", "t", null, null, null, null, null, null, "h1", null));
    await("p running", () -> vm("p").state().equals("running"));
    nodes.remove(0).close();
    await("h1 down", () -> host("h1").equals("down"));
    assertThat(vm("p").state()).isEqualTo("unknown");
    expect(503, "down", () -> api.action("p", VmAction.REBOOT));
    assertThat(node("h1", manager.joinToken()).awaitConnected(Duration.ofSeconds(10))).isTrue();
    await("p running again", () -> vm("p").state().equals("running"));
    // The returning node's hello carries the VM's true boot count: booted once, never restarted.
    // (Events carry no boot count, so before that hello the inventory may still say 0.)
    assertThat(vm("p").bootCount()).isEqualTo(1);
    assertThat(api.events("p", 50)).extracting(e -> e.type()).contains("CREATED");
    assertThat(api.events(null, 200)).extracting(e -> e.type()).contains("HOST_DOWN", "HOST_UP");
  }

  @Test
  void aRestartedManagerKeepsItsInventoryAndTokens() throws Exception {
    twoHostsUp();
    VmView v = api.createVm(CreateVmRequest.fromTemplate("survivor", "t"));
    String token = manager.adminToken();
    manager.close();
    manager = ManagerServer.start(config());
    assertThat(manager.adminToken()).isEqualTo(token);
    api = new VimanaClient(manager.apiUrl(), token);
    assertThat(vm("survivor").id()).isEqualTo(v.id());
    assertThat(api.templates()).extracting(Template::name).containsExactly("t");
  }

  /** A raw request to the manager's API with the admin token: "STATUS BODY" (null body: none). */
  static String raw(ManagerServer manager, String method, String path, String body)
      throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(manager.apiUrl() + path))
                    .header("Authorization", "Bearer " + manager.adminToken())
                    .method(
                        method,
                        body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body();
  }

  interface Call {
    Object call() throws ApiException;
  }

  static void expect(int status, String message, Call c) {
    assertThatThrownBy(c::call)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
              assertThat(e.getMessage()).contains(message);
            });
  }

  private VmView vm(String name) {
    try {
      return api.vm(name);
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private String host(String name) {
    try {
      return api.host(name).state();
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private long count(String state) {
    try {
      return api.vms(VmFilter.all()).stream().filter(v -> v.state().equals(state)).count();
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  static void await(String what, BooleanSupplier ok) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      if (ok.getAsBoolean()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
