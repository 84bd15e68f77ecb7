package org.vimana.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The paper's set-up on PlanetLab day 2011-03-03 with THR-MMT 0.8 reproduces CloudSim 4.0's figures
 * (../shared/data/planetlab/README.md) within 10 %, and so do LR-MMT 1.2 and IQR-MC 1.5. The traces
 * are not in the repository: they are looked for in {@code shared/data/planetlab} beside an
 * ancestor of the module folder ({@code /work/shared/data/planetlab} for a checkout in {@code
 * /work/main}); the test fails, never skips, when they are missing.
 */
class PlanetLabReferenceIT {

  static Path planetLabFolder() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data/planetlab");
      if (Files.isDirectory(candidate.resolve("20110303"))) {
        return candidate;
      }
    }
    throw new AssertionError(
        "PlanetLab traces not found: looked for shared/data/planetlab/20110303"
            + " beside every ancestor of "
            + start
            + " (expected /work/shared/data/planetlab next to"
            + " the repository /work/main)");
  }

  @Test
  void thrMmtOnTheThirdOfMarchMatchesCloudSimWithinTenPercent() {
    Scenario scenario = Scenario.planetLab(planetLabFolder().resolve("20110303"), "thr-mmt:0.8");
    SimulationReport r = Simulation.run(scenario);
    assertThat(r.vms()).isEqualTo(1052);
    assertThat(r.hosts()).isEqualTo(800);
    assertThat(r.energyKwh()).isCloseTo(198.08, within(19.8));
    assertThat((double) r.migrations()).isCloseTo(27_728, within(2_772.8));
    assertThat(r.slatah()).isCloseTo(0.05, within(0.01));
    assertThat(r.esv()).isEqualTo(r.energyKwh() * r.slatah() * r.pdm());
  }

  @Test
  void lrMmtOnTheThirdOfMarchMatchesCloudSimWithinTenPercent() {
    // CloudSim 4.0, LR-MMT 1.2 on 2011-03-03: 167.83 kWh, 27,649 migrations
    SimulationReport r = runOnTheThirdOfMarch("lr-mmt:1.2");
    assertThat(r.strategy()).isEqualTo("lr-mmt:1.2");
    assertThat(r.energyKwh()).isCloseTo(167.83, within(16.783));
    assertThat((double) r.migrations()).isCloseTo(27_649, within(2_764.9));
  }

  @Test
  void iqrMcOnTheThirdOfMarchMatchesCloudSimWithinTenPercent() {
    // CloudSim 4.0, IQR-MC 1.5 on 2011-03-03: 182.31 kWh, 24,237 migrations
    SimulationReport r = runOnTheThirdOfMarch("iqr-mc:1.5");
    assertThat(r.strategy()).isEqualTo("iqr-mc:1.5");
    assertThat(r.energyKwh()).isCloseTo(182.31, within(18.231));
    assertThat((double) r.migrations()).isCloseTo(24_237, within(2_423.7));
  }

  private static SimulationReport runOnTheThirdOfMarch(String strategy) {
    SimulationReport r =
        Simulation.run(Scenario.planetLab(planetLabFolder().resolve("20110303"), strategy));
    assertThat(r.vms()).isEqualTo(1052);
    assertThat(r.hosts()).isEqualTo(800);
    return r;
  }

  @Test
  void theShippedScenarioFileRunsTheSameExperiment() {
    Path file = Path.of("scenarios/planetlab-20110303-thr-mmt.properties");
    SimulationReport fromFile = Simulation.run(ScenarioFile.load(file));
    SimulationReport inCode =
        Simulation.run(Scenario.planetLab(planetLabFolder().resolve("20110303"), "thr-mmt:0.8"));
    assertThat(fromFile.energyKwh()).isEqualTo(inCode.energyKwh());
    assertThat(fromFile.migrations()).isEqualTo(inCode.migrations());
  }
}
