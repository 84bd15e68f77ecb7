package org.vimana.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Files;
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
import org.vimana.api.model.BalancePlanView;
import org.vimana.api.model.HostView;
import org.vimana.api.model.PlacementAdvice;
import org.vimana.cli.ExitCode;

/**
 * {@code vimana balance}, {@code vimana place} and {@code vimana sim} as an operator types them,
 * against a real manager in this JVM (H2 in a temp dir) with two sim node daemons: four VMs at a
 * constant 60 % CPU start on host "hot" (4 cores), host "cool" is idle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BalanceCommandsIT {
  private static final Duration WAIT = Duration.ofSeconds(45);

  @TempDir static Path dir;
  private LocalCluster cluster;
  private Terminal vimana;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = LocalCluster.start(dir, Duration.ofMillis(200), Duration.ofMillis(2000), WAIT);
    for (String name : List.of("hot", "cool")) {
      cluster.node(
          name,
          Map.of(
              "cores", "4",
              "memory", "8G",
              "boot-seconds", "0.1",
              "migration-bandwidth", "2048"),
          Duration.ofMillis(100));
    }
    vimana = cluster.terminal();
    assertThat(
            vimana.run(
                "template",
                "create",
                "busy",
                "--vcpus",
                "1",
                "--memory",
                "1G",
                "--workload",
                "constant:0.6"))
        .isZero();
    for (int i = 1; i <= 4; i++) {
      assertThat(vimana.run("vm", "create", "vm" + i, "--template", "busy", "--host", "hot"))
          .isZero();
    }
    await(() -> cpu("hot") > 55);
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private double cpu(String host) throws Exception {
    assertThat(vimana.run("host", "show", host, "--json")).isZero();
    Double c = ApiJson.mapper().readValue(vimana.out(), HostView.class).cpuPercent();
    return c == null ? 0 : c;
  }

  private static void await(ThrowingCheck ok) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!ok.check()) {
      assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private interface ThrowingCheck {
    boolean check() throws Exception;
  }

  @Test
  @Order(1)
  void statusAndSettingsWithBadValuesRefused() {
    assertThat(vimana.run("balance", "status")).isZero();
    assertThat(vimana.out()).contains("Mode:           off").contains("equalize (runs equalize:3)");

    assertThat(vimana.run("balance", "set", "--mode", "sometimes")).isEqualTo(ExitCode.USAGE);
    assertThat(vimana.err())
        .isEqualTo("error: --mode must be one of off, recommend, automatic; got 'sometimes'\n");
    assertThat(vimana.run("balance", "set", "--strategy", "magic")).isEqualTo(ExitCode.USAGE);
    assertThat(vimana.err()).startsWith("error: unknown strategy 'magic'");
    assertThat(vimana.run("balance", "set", "--aggressiveness", "7")).isEqualTo(ExitCode.USAGE);
    assertThat(vimana.err()).isEqualTo("error: --aggressiveness must be from 1 to 5, got 7\n");
    assertThat(vimana.run("balance", "set", "--interval", "1s")).isEqualTo(ExitCode.USAGE);
    assertThat(vimana.err())
        .contains("intervalSeconds must be from 5 to 86400, got 1"); // the manager's
    assertThat(vimana.run("balance", "set")).isEqualTo(ExitCode.USAGE);
    assertThat(vimana.err()).contains("nothing to set");

    assertThat(
            vimana.run(
                "balance",
                "set",
                "--mode",
                "recommend",
                "--strategy",
                "equalize",
                "--aggressiveness",
                "4",
                "--interval",
                "10m"))
        .as(vimana.err())
        .isZero();
    assertThat(vimana.out())
        .contains("Mode:           recommend")
        .contains("equalize (runs equalize:4)")
        .contains("Interval:       10m");
  }

  @Test
  @Order(2)
  void planApplyShowAndHistory() throws Exception {
    assertThat(vimana.run("balance", "apply")).isEqualTo(ExitCode.REFUSED);
    assertThat(vimana.err()).contains("no plan waits for approval");

    assertThat(vimana.run("balance", "plan")).as(vimana.err()).isZero();
    assertThat(vimana.out())
        .containsPattern("plan \\S+ pending \\(equalize:4, on_demand\\): \\d+ moves at imbalance")
        .containsPattern("SEQ +VM +FROM +TO +REASON +GAIN +EST_S +OUTCOME +WHY\n")
        .containsPattern("1 +vm\\d +hot +cool +imbalance +\\d\\.\\d+ +\\d+\\.\\d +planned ")
        .contains("approve with: vimana balance apply ");
    assertThat(vimana.run("balance", "status")).isZero();
    assertThat(vimana.out()).containsPattern("Pending plan: +\\S+ pending");

    assertThat(vimana.run("balance", "apply", "--wait")).as(vimana.err()).isZero();
    assertThat(vimana.out())
        .containsPattern(
            "plan \\S+ done \\(equalize:4, on_demand\\): \\d+ done, 0 skipped, 0 failed")
        .containsPattern("1 +vm\\d +hot +cool +imbalance .* done +migration succeeded: from hot");

    assertThat(vimana.run("balance", "history", "--json")).isZero();
    List<BalancePlanView> history =
        ApiJson.mapper().readValue(vimana.out(), new TypeReference<List<BalancePlanView>>() {});
    BalancePlanView applied = history.get(0);
    assertThat(applied.status()).isEqualTo("done");
    assertThat(applied.done()).isEqualTo(applied.moves().size()).isPositive();
    assertThat(vimana.run("balance", "history")).isZero();
    assertThat(vimana.out())
        .startsWith("ID ")
        .containsPattern(applied.id() + " +\\S+ +on_demand +equalize:4 +done +\\d+ +\\d+ +0 +0");
    assertThat(vimana.run("balance", "show", applied.id())).isZero();
    assertThat(vimana.out()).contains("plan " + applied.id() + " done");
    assertThat(vimana.run("balance", "show", "nope")).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(vimana.err()).contains("no balance plan 'nope'");
    assertThat(vimana.run("balance", "apply", applied.id())).isEqualTo(ExitCode.REFUSED);
    assertThat(vimana.err()).contains("is done; only a pending, advisory or superseded plan");
    assertThat(cpu("hot")).isLessThan(50);
  }

  @Test
  @Order(3)
  void placeRanksHostsAndSaysWhyOthersAreOut() throws Exception {
    assertThat(vimana.run("place", "--vcpus", "1", "--memory", "1G")).as(vimana.err()).isZero();
    assertThat(vimana.out())
        .startsWith("RANK  HOST ")
        .containsPattern("1 +(hot|cool) +\\d+\\.\\d% +\\d+\\.\\d% +\\+\\d+\\.\\d +cpu ");
    assertThat(vimana.run("place", "--vcpus", "2", "--memory", "2G", "--json")).isZero();
    PlacementAdvice a = ApiJson.mapper().readValue(vimana.out(), PlacementAdvice.class);
    assertThat(a.candidates()).isNotEmpty();
    assertThat(a.best()).isEqualTo(a.candidates().get(0).host());
    assertThat(vimana.run("place", "--vcpus", "8", "--memory", "1G")).isEqualTo(ExitCode.REFUSED);
    assertThat(vimana.out()).contains("REJECTED").contains("has 4 cores, the VM has 8 vCPUs");
    assertThat(vimana.err()).isEqualTo("error: no host can take a VM of 8 vCPUs and 1G now\n");
    assertThat(vimana.run("place", "--vcpus", "1", "--memory", "4X")).isEqualTo(ExitCode.USAGE);
    assertThat(vimana.err()).contains("Invalid value for option '--memory'");
  }

  @Test
  @Order(4)
  void simRunReplaysAScenarioAndRefusesAMalformedOneWithFileAndLine() throws Exception {
    Path trace = dir.resolve("trace.csv");
    StringBuilder csv = new StringBuilder("time_s,a,b,c,d\n");
    for (int i = 0; i < 12; i++) {
      csv.append(i * 300).append(",80,70,10,").append(i % 2 == 0 ? 5 : 15).append('\n');
    }
    Files.writeString(trace, csv);
    Path scenario = dir.resolve("demo.properties");
    Files.writeString(
        scenario,
        String.join(
            "\n",
            "name = cli demo",
            "trace.format = csv",
            "trace.path = trace.csv",
            "hosts = 2",
            "host-types = g5",
            "host-type.g5 = cores=2 mips=2660 memory=4096 power=hp-ml110-g5",
            "vm-types = small",
            "vm-type.small = vcpus=1 mips=1000 memory=1024",
            "strategy = thr-mmt:0.8",
            ""));
    Path reports = dir.resolve("reports");
    assertThat(vimana.run("sim", "run", scenario.toString(), "--out", reports.toString()))
        .as(vimana.err())
        .isZero();
    assertThat(vimana.out())
        .contains("Scenario:            cli demo")
        .contains("Strategy:            thr-mmt:0.8")
        .contains("Hosts / VMs / steps: 2 / 4 / 11")
        .containsPattern("Energy: +\\d+\\.\\d\\d kWh")
        .containsPattern("Migrations: +\\d+")
        .containsPattern("SLATAH: +\\d+\\.\\d\\d %")
        .containsPattern("PDM: +\\d+\\.\\d{4} %")
        .containsPattern("SLAV: +\\d\\.\\d{3}e[-+]\\d+")
        .containsPattern("ESV: +\\d\\.\\d{3}e[-+]\\d+")
        .containsPattern("Per host and VM: +SLATAH \\d+\\.\\d\\d %, PDM \\d+\\.\\d{4} %")
        .containsPattern("Imbalance: +mean \\d\\.\\d{4}")
        .containsPattern("Wall time: +\\d+\\.\\d\\d s")
        .contains("written: " + reports.resolve("summary.csv"));
    assertThat(reports.resolve("summary.csv")).exists();
    assertThat(reports.resolve("chart.svg")).exists();

    Files.writeString(scenario, Files.readString(scenario).replace("hosts = 2", "hosts = two"));
    assertThat(vimana.run("sim", "run", scenario.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(vimana.err())
        .isEqualTo("error: " + scenario + ":4: hosts: not a whole number: 'two'\n");
    Files.writeString(
        scenario,
        Files.readString(scenario)
            .replace("hosts = two", "hosts = 2")
            .replace("thr-mmt:0.8", "thr-xyz:0.8"));
    assertThat(vimana.run("sim", "run", scenario.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(vimana.err()).startsWith("error: " + scenario + ":9: unknown VM selection 'xyz'");
    assertThat(vimana.run("sim", "run", dir.resolve("missing.properties").toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(vimana.err()).contains("no scenario file");
    assertThat(vimana.run("sim", "strategies")).isZero();
    assertThat(vimana.out()).startsWith("SPEC ").contains("thr-mmt:0.8").contains("equalize:3");
  }
}
