package org.vimana.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vimana.api.json.ApiJson;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.api.model.HostView;
import org.vimana.api.model.VmView;
import org.vimana.cli.ExitCode;
import org.vimana.core.template.Template;
import org.vimana.core.workload.Workload;

/** The client commands against a fake API: what they send, what they print, how they fail. */
class ClientCommandsTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05.678Z");

  @RegisterExtension final FakeManager api = new FakeManager();
  private final Terminal vimana = api.terminal();

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
    assertThat(vimana.run("vm", "list")).isZero();
    assertThat(vimana.out())
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
            vimana.run(
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
    List<VmView> parsed =
        ApiJson.mapper().readValue(vimana.out(), new TypeReference<List<VmView>>() {});
    assertThat(parsed).isEqualTo(vms);
    assertThat(vimana.out()).contains("\n  \"id\" : \"id-web-1\",\n"); // pretty
  }

  @Test
  void hostListShowsMaintenanceAndMemoryOfTotal() {
    api.answer(
        "GET /api/v1/hosts",
        List.of(host("rack1-b", true, null, null), host("rack1-a", false, 12.5, 12_800L)));
    assertThat(vimana.run("host", "list")).isZero();
    assertThat(vimana.out())
        .isEqualTo(
            "NAME     STATE  MAINT  VMS  CPU%  MEM USED/TOTAL  DRIVER\n"
                + "rack1-a  up     no       3  12.5       12.5G/64G  sim\n"
                + "rack1-b  up     yes      3     -           -/64G  sim\n");
  }

  @Test
  void createSendsTheParsedSizesAndPrintsWhereTheVmWent() throws Exception {
    api.answer("POST /api/v1/vms", vm("db-1", "starting", null, null, List.of("a", "b")));
    assertThat(
            vimana.run(
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
    assertThat(vimana.out()).isEqualTo("created vm db-1 on host rack1-a (starting)\n");
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
    assertThat(vimana.run("vm", "stop", "web-1")).isZero();
    assertThat(vimana.out()).isEqualTo("vm web-1: shutting_down\n");
    assertThat(vimana.run("vm", "destroy", "web-1")).isZero();
    assertThat(vimana.out()).isEqualTo("vm web-1: stopped\n");
  }

  @Test
  void errorsOfTheManagerBecomeMessagesAndExitCodes() {
    api.fail("GET /api/v1/vms/nope", 404, "not_found", "no VM named 'nope'");
    assertThat(vimana.run("vm", "show", "nope")).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(vimana.err()).isEqualTo("error: no VM named 'nope'\n");
    assertThat(vimana.out()).isEmpty();

    api.fail("POST /api/v1/vms/web-1/suspend", 409, "conflict", "web-1 is stopped");
    assertThat(vimana.run("vm", "suspend", "web-1")).isEqualTo(ExitCode.REFUSED);
    assertThat(vimana.err()).isEqualTo("error: web-1 is stopped\n");

    api.fail("GET /api/v1/hosts", 401, "unauthorized", "bad token");
    assertThat(vimana.run("host", "list")).isEqualTo(ExitCode.UNREACHABLE);

    api.fail("POST /api/v1/templates", 400, "invalid_request", "vcpus too big");
    assertThat(vimana.run("template", "create", "t", "--vcpus", "999", "--memory", "1G"))
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void tagAddsToTheExistingTagsAndRemoveTakesThemAway() throws Exception {
    api.answer("GET /api/v1/vms/web-1", vm("web-1", "running", null, null, List.of("a", "b")));
    api.answer("PUT /api/v1/vms/web-1/tags", vm("web-1", "running", null, null, List.of("a", "c")));
    assertThat(vimana.run("vm", "tag", "web-1", "--remove", "b")).isZero();
    assertThat(api.requests.get(1).body()).isEqualTo("{\"tags\":[\"a\"]}");
    assertThat(vimana.run("vm", "tag", "web-1", "c")).isZero();
    assertThat(api.requests.get(3).body()).isEqualTo("{\"tags\":[\"a\",\"b\",\"c\"]}");
    assertThat(vimana.out()).isEqualTo("vm web-1 tags: a,c\n");
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
    assertThat(vimana.run("vm", "delete", "web-1", "--force", "--json")).isZero();
    assertThat(vimana.out()).contains("\"deleted\" : \"web-1\"");
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
    assertThat(vimana.run("template", "list")).isZero();
    assertThat(vimana.out())
        .isEqualTo(
            "NAME  VCPUS  MEMORY  DISK  IMAGE  WORKLOAD\n"
                + "web       2      2G   20G  -      constant:cpu=0.3,memory=0.5\n");
    api.answer(
        "GET /api/v1/events?limit=5&vm=web-1",
        List.of(
            new org.vimana.api.model.EventView(
                7, T, "id-web-1", "web-1", "h1", "rack1-a", "STARTED", "running", "")));
    assertThat(vimana.run("events", "--vm", "web-1", "--limit", "5")).isZero();
    assertThat(vimana.out())
        .isEqualTo(
            "AT                    VM     HOST     TYPE     STATE    MESSAGE\n"
                + "2026-01-02T03:04:05Z  web-1  rack1-a  STARTED  running  -\n");
  }
}
