package org.vimana.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.api.json.ApiJson;
import org.vimana.api.model.VmView;
import org.vimana.cli.ExitCode;

/**
 * The client commands against a real manager (in this JVM, ephemeral ports, H2 in a temp dir) with
 * one real node daemon on the sim driver: what an operator types, what they see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientCommandsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Map<String, String> SIM_HOST =
      Map.of("cores", "8", "memory", "16G", "boot-seconds", "0.2");

  @TempDir static Path dir;
  private LocalCluster cluster;
  private Terminal vimana;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = LocalCluster.start(dir, Duration.ofMillis(500), Duration.ofSeconds(5), WAIT);
    cluster.node("it-host", SIM_HOST, null);
    vimana = cluster.terminal();
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private List<VmView> vmsJson() throws Exception {
    assertThat(vimana.run("vm", "list", "--json")).isZero();
    return ApiJson.mapper().readValue(vimana.out(), new TypeReference<List<VmView>>() {});
  }

  @Test
  @Order(1)
  void hostListShowsTheNode() {
    assertThat(vimana.run("host", "list")).isZero();
    assertThat(vimana.out())
        .startsWith("NAME     STATE  MAINT  VMS  CPU%  MEM USED/TOTAL  DRIVER\n");
    assertThat(vimana.out()).containsPattern("it-host +up +no +0 .* sim\n");
  }

  @Test
  @Order(2)
  void createATemplateAndVmsAndSeeThemRunWithLiveFigures() throws Exception {
    assertThat(
            vimana.run(
                "template",
                "create",
                "small",
                "--vcpus",
                "1",
                "--memory",
                "1G",
                "--disk",
                "5",
                "--workload",
                "constant:0.4"))
        .isZero();
    assertThat(vimana.run("template", "show", "small")).isZero();
    assertThat(vimana.out()).contains("Workload:    constant:cpu=0.4,memory=0.5");
    assertThat(vimana.run("vm", "create", "web-1", "--template", "small", "--tag", "prod"))
        .isZero();
    // The state is read back after the node's answer: a sim VM that boots in 0.2 s can already
    // be running on a loaded machine (seen once). Both are right; the line's form is the point.
    assertThat(vimana.out()).matches("created vm web-1 on host it-host \\((starting|running)\\)\n");
    assertThat(vimana.run("vm", "create", "db-1", "--vcpus", "2", "--memory", "2G", "--no-start"))
        .isZero();

    long deadline = System.nanoTime() + WAIT.toNanos();
    List<VmView> vms = vmsJson();
    while (vms.stream().noneMatch(v -> v.name().equals("web-1") && v.cpuPercent() != null)
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
      vms = vmsJson();
    }
    VmView web = vms.stream().filter(v -> v.name().equals("web-1")).findFirst().orElseThrow();
    assertThat(web.state()).isEqualTo("running");
    assertThat(web.cpuPercent()).isBetween(30.0, 50.0);
    assertThat(web.tags()).containsExactly("prod");

    assertThat(vimana.run("vm", "list")).isZero();
    assertThat(vimana.out())
        .startsWith("NAME   STATE    HOST     VCPUS  MEMORY  CPU%  MEM USED  TAGS\n")
        .containsPattern("db-1 +defined +it-host +2 +2G +- +- +-\n")
        .containsPattern("web-1 +running +it-host +1 +1G +\\d+\\.\\d +\\d+M +prod\n");
    assertThat(vimana.run("vm", "list", "--tag", "prod", "--json")).isZero();
    assertThat(vimana.out()).contains("\"name\" : \"web-1\"").doesNotContain("db-1");
  }

  @Test
  @Order(3)
  void errorsAreMessagesAndExitCodes() {
    assertThat(vimana.run("vm", "show", "nope")).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(vimana.err()).startsWith("error: ").contains("nope");
    assertThat(vimana.run("vm", "create", "web-1", "--template", "small"))
        .isEqualTo(ExitCode.REFUSED);
    assertThat(vimana.run("vm", "create", "huge", "--vcpus", "1", "--memory", "1T"))
        .isEqualTo(ExitCode.REFUSED);
    assertThat(vimana.run("vm", "resume", "web-1")).isEqualTo(ExitCode.REFUSED);
    assertThat(vimana.err()).doesNotContain("\tat ");
  }

  @Test
  @Order(4)
  void lifecycleDeleteAndEvents() throws Exception {
    assertThat(vimana.run("vm", "suspend", "web-1")).isZero();
    assertThat(vimana.out()).isEqualTo("vm web-1: paused\n");
    assertThat(vimana.run("vm", "delete", "web-1", "--force")).isZero();
    assertThat(vimana.run("vm", "show", "web-1")).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(vimana.run("events", "--vm", "db-1", "--limit", "50")).isZero();
    assertThat(vimana.out()).startsWith("AT ").contains("db-1");
    assertThat(vimana.run("template", "delete", "small", "--json")).isZero();
    assertThat(vimana.out()).contains("\"deleted\" : \"small\"");
  }

  @Test
  @Order(5)
  void migrateAVmToASecondHostAndSnapshotIt() throws Exception {
    cluster.node("it-host-b", SIM_HOST, null);
    assertThat(
            vimana.run(
                "vm", "create", "mover", "--vcpus", "1", "--memory", "1G", "--host", "it-host"))
        .isZero();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (vmsJson().stream()
        .noneMatch(v -> v.name().equals("mover") && v.state().equals("running"))) {
      assertThat(System.nanoTime()).as("mover running").isLessThan(deadline);
      Thread.sleep(100);
    }
    assertThat(vimana.run("vm", "migrate", "mover", "--to", "it-host-b", "--max-downtime", "100"))
        .as(vimana.err())
        .isZero();
    assertThat(vimana.out())
        .containsPattern(
            "vm mover: migration succeeded: from it-host to it-host-b in \\d+ ms, downtime \\d+ ms");
    assertThat(vimana.run("migration", "list", "--vm", "mover")).isZero();
    assertThat(vimana.out()).containsPattern("mover +it-host +it-host-b +succeeded +\\d+ +\\d+");
    assertThat(vimana.run("vm", "migrate", "mover", "--to", "it-host-b")).isEqualTo(ExitCode.USAGE);
    assertThat(vimana.err()).contains("already runs on host 'it-host-b'");

    assertThat(vimana.run("snapshot", "create", "mover", "clean", "--description", "fresh"))
        .isZero();
    assertThat(vimana.out()).startsWith("NAME ").containsPattern("clean +\\S+ +running +fresh");
    assertThat(vimana.run("snapshot", "revert", "mover", "nope")).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(vimana.run("snapshot", "delete", "mover", "clean", "--json")).isZero();
    assertThat(vimana.out().strip()).isEqualTo("[ ]");
    assertThat(vimana.run("vm", "delete", "mover", "--force")).isZero();
  }
}
