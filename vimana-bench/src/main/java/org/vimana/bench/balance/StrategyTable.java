package org.vimana.bench.balance;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vimana.sim.replay.Simulation;
import org.vimana.sim.replay.SimulationReport;

/**
 * Runs every strategy on every PlanetLab day in the paper's set-up and prints a Markdown table
 * beside CloudSim 4.0's figures: {@code ./vimana-bench/run balance-table [PLANETLAB_FOLDER]}.
 */
public final class StrategyTable {

  static final List<String> STRATEGIES =
      List.of(
          "thr-mmt:0.8", "lr-mmt:1.2", "iqr-mc:1.5", "mad-mmt:2.5", "equalize:3", "threshold:0.8");

  private StrategyTable() {}

  public static void main(String[] args) {
    Path folder = PlanetLab.folder(args);
    System.out.println(
        "| day | policy | energy kWh (CloudSim) | migrations (CloudSim) |"
            + " SLATAH % (CloudSim) | PDM % (CloudSim) | SLAV x1e-5 (CloudSim) | imbalance-time h |"
            + " overloaded host-h | wall s |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (String day : PlanetLab.DAYS) {
      for (String spec : STRATEGIES) {
        SimulationReport r = Simulation.run(PlanetLab.scenario(folder, day, spec));
        var ref = PlanetLab.reference(day, spec);
        System.out.println(
            String.format(
                Locale.ROOT,
                "| %s | %s | %.2f (%s) | %,d (%s) | %.2f (%s) | %.4f (%s) | %.2f (%s) | %.2f | %.2f |"
                    + " %.2f |",
                day,
                spec,
                r.energyKwh(),
                ref.map(x -> fmt("%.2f", x.energyKwh())).orElse("-"),
                r.migrations(),
                ref.map(x -> fmt("%,d", x.migrations())).orElse("-"),
                100 * r.slatah(),
                ref.map(x -> fmt("%.2f", x.slatah())).orElse("-"),
                100 * r.pdm(),
                ref.map(x -> fmt("%.4f", x.pdm())).orElse("-"),
                1e5 * r.slav(),
                ref.map(x -> fmt("%.2f", x.slav())).orElse("-"),
                r.imbalanceHours(),
                r.overloadedHostHours(),
                r.wallSeconds()));
      }
    }
  }

  static String fmt(String format, Object value) {
    return String.format(Locale.ROOT, format, value);
  }
}
