package org.vimana.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.vimana.cli.Main;
import org.vimana.manager.ManagerConfig;
import org.vimana.manager.ManagerServer;
import org.vimana.node.NodeConfig;
import org.vimana.node.NodeDaemon;

/**
 * The client commands against a real manager (in this JVM, ephemeral ports, H2 in a temp dir) with
 * one real node daemon on the sim driver: what an operator types, what they see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientCommandsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path dir;
  private ManagerServer manager;
  private NodeDaemon node;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  void startCluster() throws Exception {
    manager =
        ManagerServer.start(
            ManagerConfig.defaults(dir.resolve("manager"))
                .withIntervals(
                    Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMillis(500)));
    node =
        NodeDaemon.start(
            new NodeConfig(
                "it-host",
                "127.0.0.1:" + manager.grpcPort(),
                manager.joinToken(),
                "sim",
                Map.of("cores", "8", "memory", "16G", "boot-seconds", "0.2"),
                null,
                null));
    assertThat(node.awaitConnected(WAIT)).as("node connected").isTrue();
  }

  @AfterAll
  void stopCluster() {
    if (node != null) {
      node.close();
    }
    if (manager != null) {
      manager.close();
    }
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    Map<String, String> env =
        Map.of("VIMANA_URL", manager.apiUrl().toString(), "VIMANA_TOKEN", manager.adminToken());
    return new Main(
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .execute(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private List<VmView> vmsJson() throws Exception {
    assertThat(run("vm", "list", "--json")).isZero();
    return ApiJson.mapper().readValue(out(), new TypeReference<List<VmView>>() {});
  }

  @Test
  @Order(1)
  void hostListShowsTheNode() {
    assertThat(run("host", "list")).isZero();
    assertThat(out()).startsWith("NAME     STATE  MAINT  VMS  CPU%  MEM USED/TOTAL  DRIVER\n");
    assertThat(out()).containsPattern("it-host +up +no +0 .* sim\n");
  }

  @Test
  @Order(2)
  void createATemplateAndVmsAndSeeThemRunWithLiveFigures() throws Exception {
    assertThat(
            run(
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
    assertThat(run("template", "show", "small")).isZero();
    assertThat(out()).contains("Workload:    constant:cpu=0.4,memory=0.5");
    assertThat(run("vm", "create", "web-1", "--template", "small", "--tag", "prod")).isZero();
    assertThat(out()).isEqualTo("created vm web-1 on host it-host (starting)\n");
    assertThat(run("vm", "create", "db-1", "--vcpus", "2", "--memory", "2G", "--no-start"))
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

    assertThat(run("vm", "list")).isZero();
    assertThat(out())
        .startsWith("NAME   STATE    HOST     VCPUS  MEMORY  CPU%  MEM USED  TAGS\n")
        .containsPattern("db-1 +defined +it-host +2 +2G +- +- +-\n")
        .containsPattern("web-1 +running +it-host +1 +1G +\\d+\\.\\d +\\d+M +prod\n");
    assertThat(run("vm", "list", "--tag", "prod", "--json")).isZero();
    assertThat(out()).contains("\"name\" : \"web-1\"").doesNotContain("db-1");
  }

  @Test
  @Order(3)
  void errorsAreMessagesAndExitCodes() {
    assertThat(run("vm", "show", "nope")).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: ").contains("nope");
    assertThat(run("vm", "create", "web-1", "--template", "small")).isEqualTo(ExitCode.REFUSED);
    assertThat(run("vm", "create", "huge", "--vcpus", "1", "--memory", "1T"))
        .isEqualTo(ExitCode.REFUSED);
    assertThat(run("vm", "resume", "web-1")).isEqualTo(ExitCode.REFUSED);
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
  }

  @Test
  @Order(4)
  void lifecycleDeleteAndEvents() throws Exception {
    assertThat(run("vm", "suspend", "web-1")).isZero();
    assertThat(out()).isEqualTo("vm web-1: paused\n");
    assertThat(run("vm", "delete", "web-1", "--force")).isZero();
    assertThat(run("vm", "show", "web-1")).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(run("events", "--vm", "db-1", "--limit", "50")).isZero();
    assertThat(out()).startsWith("AT ").contains("db-1");
    assertThat(run("template", "delete", "small", "--json")).isZero();
    assertThat(out()).contains("\"deleted\" : \"small\"");
  }

  @Test
  @Order(5)
  void migrateAVmToASecondHostAndSnapshotIt() throws Exception {
    try (NodeDaemon second =
        NodeDaemon.start(
            new NodeConfig(
                "it-host-b",
                "127.0.0.1:" + manager.grpcPort(),
                manager.joinToken(),
                "sim",
                Map.of("cores", "8", "memory", "16G", "boot-seconds", "0.2"),
                null,
                null))) {
      assertThat(second.awaitConnected(WAIT)).isTrue();
      assertThat(
              run("vm", "create", "mover", "--vcpus", "1", "--memory", "1G", "--host", "it-host"))
          .isZero();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (vmsJson().stream()
          .noneMatch(v -> v.name().equals("mover") && v.state().equals("running"))) {
        assertThat(System.nanoTime()).as("mover running").isLessThan(deadline);
        Thread.sleep(100);
      }
      assertThat(run("vm", "migrate", "mover", "--to", "it-host-b", "--max-downtime", "100"))
          .as(err.toString(StandardCharsets.UTF_8))
          .isZero();
      assertThat(out())
          .containsPattern(
              "vm mover: migration succeeded: from it-host to it-host-b in \\d+ ms, downtime \\d+ ms");
      assertThat(run("migration", "list", "--vm", "mover")).isZero();
      assertThat(out()).containsPattern("mover +it-host +it-host-b +succeeded +\\d+ +\\d+");
      assertThat(run("vm", "migrate", "mover", "--to", "it-host-b")).isEqualTo(ExitCode.USAGE);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("already runs on host 'it-host-b'");

      assertThat(run("snapshot", "create", "mover", "clean", "--description", "fresh")).isZero();
      assertThat(out()).startsWith("NAME ").containsPattern("clean +\\S+ +running +fresh");
      assertThat(run("snapshot", "revert", "mover", "nope")).isEqualTo(ExitCode.NOT_FOUND);
      assertThat(run("snapshot", "delete", "mover", "clean", "--json")).isZero();
      assertThat(out().strip()).isEqualTo("[ ]");
      assertThat(run("vm", "delete", "mover", "--force")).isZero();
    }
  }
}
