package org.vimana.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationTest {

  @TempDir Path dir;

  private final Scenario demo = ScenarioFile.load(Path.of("scenarios/small-csv-demo.properties"));

  @Test
  void replaysACsvScenarioAndWritesCsvAndSvg() throws IOException {
    SimulationReport r = Simulation.runAndWrite(demo, dir);
    assertThat(r.vms()).isEqualTo(6);
    assertThat(r.steps()).isEqualTo(12);
    assertThat(r.energyKwh()).isBetween(0.3, 0.6); // 4 hosts of 94..135 W for 55 minutes
    assertThat(r.timeline()).hasSize(12);
    assertThat(Files.readString(dir.resolve("summary.csv")))
        .startsWith("scenario,strategy")
        .contains("csv demo,equalize:3");
    assertThat(Files.readAllLines(dir.resolve("timeline.csv"))).hasSize(13);
    assertThat(Files.readString(dir.resolve("chart.svg")))
        .startsWith("<svg")
        .contains("polyline")
        .endsWith("</svg>\n");
  }

  @Test
  void theSameScenarioGivesTheSameFigures() {
    SimulationReport a = Simulation.run(demo.withStrategy("thr-rs:0.8"));
    SimulationReport b = Simulation.run(demo.withStrategy("thr-rs:0.8"));
    assertThat(a.energyKwh()).isEqualTo(b.energyKwh());
    assertThat(a.migrations()).isEqualTo(b.migrations());
  }

  @Test
  void consolidationUsesLessEnergyThanBalancingOnTheDemo() {
    SimulationReport consolidate = Simulation.run(demo.withStrategy("thr-mmt:0.8"));
    SimulationReport balance = Simulation.run(demo.withStrategy("equalize:3"));
    assertThat(consolidate.energyKwh()).isLessThan(balance.energyKwh());
    assertThat(balance.meanImbalance()).isLessThanOrEqualTo(consolidate.meanImbalance());
    assertThat(balance.thrashes()).isZero();
  }

  @Test
  void aTraceNamingAnUnknownVmTypeOrABadStrategyIsRefused() throws IOException {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, "time_s,a:huge\n0,10\n300,20\n");
    var scenario =
        new Scenario(
            "x",
            "csv",
            csv,
            demo.traceOrder(),
            0,
            demo.hostTypes(),
            2,
            true,
            demo.vmTypes(),
            true,
            "equalize:3",
            demo.settings());
    assertThatThrownBy(() -> Simulation.run(scenario)).hasMessageContaining("'huge'");
    assertThatThrownBy(() -> Simulation.run(demo.withStrategy("nope")))
        .hasMessageContaining("unknown strategy 'nope'");
  }

  @Test
  void aDataCentreTooSmallForItsVmsIsRefused() {
    var tiny =
        new Scenario(
            "tiny",
            "csv",
            demo.tracePath(),
            demo.traceOrder(),
            0,
            demo.hostTypes(),
            1,
            true,
            demo.vmTypes(),
            true,
            "equalize:3",
            demo.settings());
    assertThatThrownBy(() -> Simulation.run(tiny)).hasMessageContaining("fits on no host");
  }
}
