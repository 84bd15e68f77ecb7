package org.vimana.bench.balance;

import static org.vimana.bench.balance.StrategyTable.fmt;

import java.util.List;
import java.util.Locale;
import org.vimana.bench.balance.SimFootprintChild.Run;

/**
 * sim-footprint's closing table: per strategy the median (min–max) of its runs against the targets,
 * beside CloudSim 4.0's figures, which the data README gives for {@link SimFootprint#CLOUDSIM_DAY}
 * only (and its wall time and RSS for THR-MMT 0.8 only).
 */
final class SimFootprintMedians {

  static final String CLOUDSIM_NOTE =
      "reference from shared/data/planetlab/README.md; CloudSim 4.0 is not run here: it is not on"
          + " the reachable Maven repositories (org.cloudbus.cloudsim:cloudsim:4.0 fails to"
          + " resolve)";

  private SimFootprintMedians() {}

  /** {@code outcomes} in {@link SimFootprint#STRATEGIES}' order, THR-MMT 0.8 first. */
  static void print(String day, int runs, List<SimFootprintOutcome> outcomes) {
    System.out.printf(
        Locale.ROOT,
        "## Median (min–max) of %d runs, beside CloudSim 4.0%n%n"
            + "Target: process wall under %.0f s (median) and peak RSS under %d MiB (largest run),"
            + " with every run succeeding under %s.%n%n",
        runs,
        SimFootprint.TARGET_WALL_SECONDS,
        SimFootprint.TARGET_RSS_MIB,
        SimFootprint.HEAP);
    System.out.println(
        "| strategy | runs ok | process wall s | sim wall s | CPU s | peak RSS MiB |"
            + " energy kWh (CloudSim) | migrations (CloudSim) | target met |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    outcomes.forEach(o -> System.out.println(row(day, o)));
    boolean cloudSimDay = day.equals(SimFootprint.CLOUDSIM_DAY);
    if (cloudSimDay) {
      referenceRows();
    }
    System.out.println();
    System.out.println("CloudSim: " + CLOUDSIM_NOTE + ".");
    if (cloudSimDay) {
      fraction(outcomes.get(0));
    } else {
      System.out.println(
          "CloudSim's wall time and RSS are known for "
              + SimFootprint.CLOUDSIM_DAY
              + " only (THR-MMT 0.8).");
    }
  }

  private static String row(String day, SimFootprintOutcome o) {
    var ref = PlanetLab.reference(day, o.spec());
    return String.format(
        Locale.ROOT,
        "| %s | %d of %d | %s | %s | %s | %s | %s (%s) | %s (%s) | %s |",
        o.spec(),
        o.ok().size(),
        o.ok().size() + o.failed(),
        o.spread(Run::processWall, "%.2f"),
        o.spread(Run::simWall, "%.2f"),
        o.spread(Run::cpu, "%.2f"),
        o.spread(r -> r.hwmKib() / 1024.0, "%.0f"),
        shown(o.energies()),
        ref.map(x -> fmt("%.2f", x.energyKwh())).orElse("-"),
        shown(o.migrations()),
        ref.map(x -> fmt("%,d", x.migrations())).orElse("-"),
        o.verdict());
  }

  /** The one result all runs agree on, "-" without runs, or every result when they differ. */
  private static String shown(List<String> distinct) {
    if (distinct.isEmpty()) {
      return "-";
    }
    return distinct.size() == 1 ? distinct.get(0) : "VARIES " + distinct;
  }

  private static void referenceRows() {
    System.out.println(
        "| CloudSim 4.0 THR-MMT 0.8, log on (reference) | - | 56.6 | - | - | 1.9 GB | 198.08 |"
            + " 27,728 | - |");
    System.out.println(
        "| CloudSim 4.0 THR-MMT 0.8, log off (reference) | - | 32.6 | - | 26.5 | 3.3 GB | 198.08"
            + " | 27,728 | - |");
    System.out.println(
        "| CloudSim 4.0 LR-MMT 1.2, IQR-MC 1.5 (reference) | - | not timed (run in parallel) | -"
            + " | - | - | 167.83, 182.31 | 27,649, 24,237 | - |");
  }

  /** THR-MMT 0.8's medians as a share of CloudSim's; nothing when every run failed. */
  private static void fraction(SimFootprintOutcome thr) {
    if (thr.ok().isEmpty()) {
      return;
    }
    double wall = thr.median(Run::processWall);
    double cpu = thr.median(Run::cpu);
    double rssBytes = thr.median(r -> r.hwmKib() * 1024.0);
    System.out.printf(
        Locale.ROOT,
        "THR-MMT 0.8 as a fraction of CloudSim's (medians; GB taken as 10^9 bytes): process"
            + " wall %.1f %% of 56.6 s (log on) and %.1f %% of 32.6 s (log off); CPU %.1f %%"
            + " of 26.5 s (log off); peak RSS %.1f %% of 1.9 GB (log on) and %.1f %% of 3.3 GB"
            + " (log off).%n",
        100 * wall / 56.6,
        100 * wall / 32.6,
        100 * cpu / 26.5,
        100 * rssBytes / 1.9e9,
        100 * rssBytes / 3.3e9);
  }
}
