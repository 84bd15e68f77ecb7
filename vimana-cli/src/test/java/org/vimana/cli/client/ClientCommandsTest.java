package org.vimana.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vimana.api.json.ApiJson;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.api.model.HostView;
import org.vimana.api.model.VmView;
import org.vimana.cli.ExitCode;
import org.vimana.cli.Main;
import org.vimana.core.template.Template;
import org.vimana.core.workload.Workload;

/** The client commands against a fake API: what they send, what they print, how they fail. */
class ClientCommandsTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05.678Z");

  private FakeManager api;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws Exception {
    api = new FakeManager();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    Main main =
        new Main(
            Map.of("VIMANA_URL", api.url(), "VIMANA_TOKEN", "secret"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return main.execute(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  static VmView vm(String name, String state, Double cpu, Long mem, List<String> tags) {
    return new VmView(
        "id-" + name,
        name,
        state,
        "h1",
        "rack1-a",
        2,
        2048,
        20,
        "web",
        "",
        new Workload.Constant(0.3, 0.5),
        tags,
        cpu,
        mem,
        1,
        T,
        T,
        null);
  }

  static HostView host(String name, boolean maintenance, Double cpu, Long mem) {
    return new HostView(
        "hid-" + name,
        name,
        "up",
        maintenance,
        "sim",
        "sim 1.0",
        "sim-x86",
        16,
        2600,
        65536,
        1000,
        3,
        2,
        6,
        6144,
        cpu,
        mem,
        T);
  }

  @Test
  void vmListIsAnAlignedTableWithLiveFigures() {
    api.answer(
        "GET /api/v1/vms",
        List.of(
            vm("web-2", "stopped", null, null, List.of()),
            vm("web-1", "running", 31.25, 1024L, List.of("prod", "eu"))));
    assertThat(run("vm", "list")).isZero();
    assertThat(out())
        .isEqualTo(
            "NAME   STATE    HOST     VCPUS  MEMORY  CPU%  MEM USED  TAGS\n"
                + "web-1  running  rack1-a      2      2G  31.3        1G  prod,eu\n"
                + "web-2  stopped  rack1-a      2      2G     -         -  -\n");
    assertThat(api.requests.get(0).authorization()).isEqualTo("Bearer secret");
  }

  @Test
  void vmListPassesItsFiltersAndPrintsJsonForScripts() throws Exception {
    List<VmView> vms = List.of(vm("web-1", "running", 31.25, 1024L, List.of("prod")));
    api.answer("GET /api/v1/vms?tag=prod&host=rack1-a&state=shutting_down", vms);
    assertThat(
            run(
                "vm",
                "list",
                "--tag",
                "prod",
                "--host",
                "rack1-a",
                "--state",
                "SHUTTING-DOWN",
                "--json"))
        .isZero();
    List<VmView> parsed = ApiJson.mapper().readValue(out(), new TypeReference<List<VmView>>() {});
    assertThat(parsed).isEqualTo(vms);
    assertThat(out()).contains("\n  \"id\" : \"id-web-1\",\n"); // pretty
  }

  @Test
  void hostListShowsMaintenanceAndMemoryOfTotal() {
    api.answer(
        "GET /api/v1/hosts",
        List.of(host("rack1-b", true, null, null), host("rack1-a", false, 12.5, 12_800L)));
    assertThat(run("host", "list")).isZero();
    assertThat(out())
        .isEqualTo(
            "NAME     STATE  MAINT  VMS  CPU%  MEM USED/TOTAL  DRIVER\n"
                + "rack1-a  up     no       3  12.5       12.5G/64G  sim\n"
                + "rack1-b  up     yes      3     -           -/64G  sim\n");
  }

  @Test
  void createSendsTheParsedSizesAndPrintsWhereTheVmWent() throws Exception {
    api.answer("POST /api/v1/vms", vm("db-1", "starting", null, null, List.of("a", "b")));
    assertThat(
            run(
                "vm",
                "create",
                "db-1",
                "--vcpus",
                "4",
                "--memory",
                "8G",
                "--disk",
                "1T",
                "--tag",
                "a",
                "--tag",
                "b",
                "--host",
                "rack1-a",
                "--no-start",
                "--workload",
                "constant:0.5"))
        .isZero();
    assertThat(out()).isEqualTo("created vm db-1 on host rack1-a (starting)\n");
    CreateVmRequest sent =
        ApiJson.mapper().readValue(api.requests.get(0).body(), CreateVmRequest.class);
    assertThat(sent)
        .isEqualTo(
            new CreateVmRequest(
                "db-1",
                null,
                4,
                8192L,
                1024L,
                null,
                new Workload.Constant(0.5, 0.5),
                List.of("a", "b"),
                "rack1-a",
                false));
  }

  @Test
  void lifecycleCommandsMapToTheApiActions() {
    api.answer("POST /api/v1/vms/web-1/shutdown", vm("web-1", "shutting_down", null, null, null));
    api.answer("POST /api/v1/vms/web-1/force-stop", vm("web-1", "stopped", null, null, null));
    assertThat(run("vm", "stop", "web-1")).isZero();
    assertThat(out()).isEqualTo("vm web-1: shutting_down\n");
    assertThat(run("vm", "destroy", "web-1")).isZero();
    assertThat(out()).isEqualTo("vm web-1: stopped\n");
  }

  @Test
  void errorsOfTheManagerBecomeMessagesAndExitCodes() {
    api.fail("GET /api/v1/vms/nope", 404, "not_found", "no VM named 'nope'");
    assertThat(run("vm", "show", "nope")).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(err()).isEqualTo("error: no VM named 'nope'\n");
    assertThat(out()).isEmpty();

    api.fail("POST /api/v1/vms/web-1/suspend", 409, "conflict", "web-1 is stopped");
    assertThat(run("vm", "suspend", "web-1")).isEqualTo(ExitCode.REFUSED);
    assertThat(err()).isEqualTo("error: web-1 is stopped\n");

    api.fail("GET /api/v1/hosts", 401, "unauthorized", "bad token");
    assertThat(run("host", "list")).isEqualTo(ExitCode.UNREACHABLE);

    api.fail("POST /api/v1/templates", 400, "invalid_request", "vcpus too big");
    assertThat(run("template", "create", "t", "--vcpus", "999", "--memory", "1G"))
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void tagAddsToTheExistingTagsAndRemoveTakesThemAway() throws Exception {
    api.answer("GET /api/v1/vms/web-1", vm("web-1", "running", null, null, List.of("a", "b")));
    api.answer("PUT /api/v1/vms/web-1/tags", vm("web-1", "running", null, null, List.of("a", "c")));
    assertThat(run("vm", "tag", "web-1", "--remove", "b")).isZero();
    assertThat(api.requests.get(1).body()).isEqualTo("{\"tags\":[\"a\"]}");
    assertThat(run("vm", "tag", "web-1", "c")).isZero();
    assertThat(api.requests.get(3).body()).isEqualTo("{\"tags\":[\"a\",\"b\",\"c\"]}");
    assertThat(out()).isEqualTo("vm web-1 tags: a,c\n");
  }

  @Test
  void deleteForceStopsARunningVmFirst() {
    // Running when asked first, still running once, then off.
    api.answerInTurn(
        "GET /api/v1/vms/web-1",
        vm("web-1", "running", null, null, null),
        vm("web-1", "running", null, null, null),
        vm("web-1", "stopped", null, null, null));
    api.answer("POST /api/v1/vms/web-1/force-stop", vm("web-1", "stopped", null, null, null));
    api.answer("DELETE /api/v1/vms/web-1", null);
    assertThat(run("vm", "delete", "web-1", "--force", "--json")).isZero();
    assertThat(out()).contains("\"deleted\" : \"web-1\"");
    assertThat(api.requests.stream().map(r -> r.method() + " " + r.path()).toList())
        .containsExactly(
            "GET /api/v1/vms/web-1",
            "POST /api/v1/vms/web-1/force-stop",
            "GET /api/v1/vms/web-1",
            "GET /api/v1/vms/web-1",
            "DELETE /api/v1/vms/web-1");
  }

  @Test
  void templatesAndEvents() {
    api.answer(
        "GET /api/v1/templates",
        List.of(new Template("web", "", 2, 2048, 20, "", new Workload.Constant(0.3, 0.5))));
    assertThat(run("template", "list")).isZero();
    assertThat(out())
        .isEqualTo(
            "NAME  VCPUS  MEMORY  DISK  IMAGE  WORKLOAD\n"
                + "web       2      2G   20G  -      constant:cpu=0.3,memory=0.5\n");
    api.answer(
        "GET /api/v1/events?limit=5&vm=web-1",
        List.of(
            new org.vimana.api.model.EventView(
                7, T, "id-web-1", "web-1", "h1", "rack1-a", "STARTED", "running", "")));
    assertThat(run("events", "--vm", "web-1", "--limit", "5")).isZero();
    assertThat(out())
        .isEqualTo(
            "AT                    VM     HOST     TYPE     STATE    MESSAGE\n"
                + "2026-01-02T03:04:05Z  web-1  rack1-a  STARTED  running  -\n");
  }
}
