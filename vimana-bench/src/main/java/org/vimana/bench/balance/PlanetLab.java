package org.vimana.bench.balance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vimana.balancer.cost.AntiThrashing;
import org.vimana.sim.replay.Scenario;

/** The PlanetLab days, CloudSim 4.0's figures for them, and the scenarios the benchmarks run. */
final class PlanetLab {

  static final List<String> DAYS =
      List.of("20110303", "20110306", "20110309", "20110322", "20110325");

  /** Anti-thrashing of the balancing strategies: 0.2 % gain, 1 % hysteresis, 1 h cool-down. */
  static final AntiThrashing BALANCING = new AntiThrashing(0.002, 0.01, 3600);

  /** CloudSim 4.0's figures from ../shared/data/planetlab/README.md. */
  record Reference(
      String day,
      String policy,
      double energyKwh,
      int migrations,
      double slatah,
      double pdm,
      double slav) {}

  static final List<Reference> REFERENCES =
      List.of(
          new Reference("20110303", "thr-mmt:0.8", 198.08, 27728, 5.00, 0.0714, 3.57),
          new Reference("20110303", "lr-mmt:1.2", 167.83, 27649, 5.72, 0.0755, 4.32),
          new Reference("20110303", "iqr-mc:1.5", 182.31, 24237, 6.93, 0.1042, 7.22),
          new Reference("20110303", "mad-mmt:2.5", 189.79, 27781, 5.09, 0.0701, 3.57),
          new Reference("20110306", "thr-mmt:0.8", 150.70, 21575, 5.21, 0.0764, 3.98),
          new Reference("20110306", "lr-mmt:1.2", 127.98, 21661, 5.99, 0.0830, 4.97),
          new Reference("20110306", "iqr-mc:1.5", 139.38, 19023, 7.08, 0.1107, 7.84),
          new Reference("20110306", "mad-mmt:2.5", 145.85, 22129, 5.40, 0.0811, 4.38),
          new Reference("20110309", "thr-mmt:0.8", 162.20, 23376, 5.26, 0.0751, 3.95),
          new Reference("20110309", "lr-mmt:1.2", 139.40, 24239, 6.31, 0.0835, 5.27),
          new Reference("20110309", "iqr-mc:1.5", 151.89, 20395, 7.03, 0.1031, 7.25),
          new Reference("20110309", "mad-mmt:2.5", 159.27, 23353, 5.09, 0.0709, 3.61),
          new Reference("20110322", "thr-mmt:0.8", 194.23, 28381, 5.14, 0.0603, 3.10),
          new Reference("20110322", "lr-mmt:1.2", 172.88, 31376, 6.34, 0.0746, 4.73),
          new Reference("20110322", "iqr-mc:1.5", 183.35, 25003, 7.12, 0.0858, 6.11),
          new Reference("20110322", "mad-mmt:2.5", 188.80, 27644, 5.08, 0.0565, 2.87),
          new Reference("20110325", "thr-mmt:0.8", 173.04, 24712, 5.00, 0.0672, 3.36),
          new Reference("20110325", "lr-mmt:1.2", 149.83, 26320, 5.76, 0.0767, 4.42),
          new Reference("20110325", "iqr-mc:1.5", 160.13, 21328, 6.99, 0.0931, 6.51),
          new Reference("20110325", "mad-mmt:2.5", 165.94, 23761, 4.91, 0.0617, 3.03));

  private PlanetLab() {}

  static Optional<Reference> reference(String day, String policy) {
    return REFERENCES.stream()
        .filter(r -> r.day().equals(day) && r.policy().equals(policy))
        .findFirst();
  }

  /** The folder given, or shared/data/planetlab beside an ancestor of the working folder. */
  static Path folder(String[] args) {
    if (args.length > 0) {
      return Path.of(args[0]);
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared/data/planetlab");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "PlanetLab traces not found; pass their folder (e.g. /work/shared/data/planetlab)");
  }

  /**
   * The paper's set-up with {@code spec}; the balancing strategies get {@link #BALANCING} and do
   * not consolidate, everything else is as CloudSim runs it.
   */
  static Scenario scenario(Path folder, String day, String spec) {
    Scenario s = Scenario.planetLab(folder.resolve(day), spec);
    if (spec.startsWith("equalize") || spec.startsWith("threshold")) {
      s = s.withSettings(s.settings().withAntiThrashing(BALANCING));
    }
    return s;
  }
}
