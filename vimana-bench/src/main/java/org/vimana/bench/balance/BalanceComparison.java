package org.vimana.bench.balance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vimana.sim.replay.Simulation;
import org.vimana.sim.replay.SimulationReport;

/**
 * Equalize against threshold and THR-MMT on the PlanetLab days: imbalance-time, migrations and a
 * thrash check (a VM sent back to a host it left within the 1-hour cool-down), for every equalize
 * level (1 makes no move: the unbalanced baseline) and for level 3 balancing the last demand sample
 * instead of its history (what the history estimate brings): {@code ./vimana-bench/run
 * balance-compare [PLANETLAB_FOLDER]}. Every strategy gets the same anti-thrashing ({@link
 * PlanetLab#BALANCING}).
 */
public final class BalanceComparison {

  /** The level the verdict is printed for. */
  static final String EQUALIZE = "equalize:3";

  static final List<String> STRATEGIES =
      List.of(
          "equalize:1",
          "equalize:2",
          EQUALIZE,
          "equalize:4",
          "equalize:5",
          "equalize:3:last",
          "threshold:0.25",
          "thr-mmt:0.8");

  static org.vimana.sim.replay.Scenario scenario(Path folder, String day, String spec, int hosts) {
    var paper = PlanetLab.scenario(folder, day, spec);
    var settings =
        paper
            .settings()
            .withRetireIdleVms(false)
            .withChainMoves(false)
            .withAntiThrashing(PlanetLab.BALANCING);
    return new org.vimana.sim.replay.Scenario(
        day + " on " + hosts + " G5 hosts",
        paper.traceFormat(),
        paper.tracePath(),
        paper.traceOrder(),
        0,
        List.of(paper.hostTypes().get(1)),
        hosts,
        true,
        paper.vmTypes(),
        true,
        spec,
        settings);
  }

  private BalanceComparison() {}

  /** On 400 hosts, or 800 when the day's VMs do not fit on 400. */
  static SimulationReport run(Path folder, String day, String spec) {
    try {
      return Simulation.run(scenario(folder, day, spec, 400));
    } catch (IllegalStateException tooSmall) {
      return Simulation.run(scenario(folder, day, spec, 800));
    }
  }

  public static void main(String[] args) {
    Path folder = PlanetLab.folder(args);
    System.out.println(
        "| day | strategy | mean imbalance | imbalance-time h | migrations |"
            + " thrashes (back within 1 h) | overloaded host-h | energy kWh |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    Map<String, Integer> wins = new LinkedHashMap<>();
    Map<String, Integer> thrashes = new LinkedHashMap<>();
    List<String> lost = new ArrayList<>();
    for (String day : PlanetLab.DAYS) {
      Map<String, SimulationReport> r = new LinkedHashMap<>();
      for (String spec : STRATEGIES) {
        SimulationReport x = run(folder, day, spec);
        r.put(spec, x);
        System.out.println(
            String.format(
                Locale.ROOT,
                "| %s | %s | %.4f | %.2f | %,d | %d | %.2f | %.2f |",
                day,
                spec,
                x.meanImbalance(),
                x.imbalanceHours(),
                x.migrations(),
                x.thrashes(),
                x.overloadedHostHours(),
                x.energyKwh()));
      }
      for (String spec : STRATEGIES) {
        if (spec.startsWith("equalize")) {
          boolean beats = beats(r.get(spec), r.get("threshold:0.25"), r.get("thr-mmt:0.8"));
          wins.merge(spec, beats ? 1 : 0, Integer::sum);
          if (!beats && spec.equals(EQUALIZE)) {
            lost.add(day);
          }
          thrashes.merge(spec, r.get(spec).thrashes(), Integer::sum);
        }
      }
    }
    System.out.println();
    System.out.println(
        "| equalize | days with less imbalance-time at no more migrations than threshold and"
            + " THR-MMT | thrashes (VM moved back within its cool-down) |");
    System.out.println("|---|---|---|");
    wins.forEach(
        (spec, n) ->
            System.out.printf(
                Locale.ROOT,
                "| %s | %d of %d | %d |%n",
                spec,
                n,
                PlanetLab.DAYS.size(),
                thrashes.get(spec)));
    System.out.println();
    System.out.println(
        EQUALIZE
            + " has less imbalance-time at no more migrations than threshold and THR-MMT on every"
            + " day: "
            + (lost.isEmpty() ? "yes" : "NO (not on " + String.join(", ", lost) + ")"));
    System.out.println(
        EQUALIZE + " thrashes (VM moved back within its cool-down): " + thrashes.get(EQUALIZE));
  }

  private static boolean beats(SimulationReport e, SimulationReport... others) {
    for (SimulationReport o : others) {
      if (!(e.imbalanceHours() < o.imbalanceHours() && e.migrations() <= o.migrations())) {
        return false;
      }
    }
    return true;
  }
}
