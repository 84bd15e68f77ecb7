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
 *
 * <p>Threshold runs at Watcher's default of 25 % (the verdict) and at 10 % to 30 %: one
 * setting is one point on the imbalance-time / migrations plane, so a last table tells, for every
 * setting that migrates, which equalize levels have less imbalance-time at no more migrations.
 *
 * <p>Each day runs on {@link HostCount#fewest} G5 hosts, and the verdict again on more hosts up to
 * 800 ({@link DensitySweep}).
 */
public final class BalanceComparison {

  /** The level the verdict is printed for. */
  static final String EQUALIZE = "equalize:3";

  /** Threshold at OpenStack Watcher's default, the reference. */
  static final String THRESHOLD = "threshold:0.25";

  static final String THR_MMT = "thr-mmt:0.8";

  /** The equalize levels, 1 (no move: the unbalanced baseline) to 5. */
  static final List<String> LEVELS =
      List.of("equalize:1", "equalize:2", EQUALIZE, "equalize:4", "equalize:5");

  static final List<String> STRATEGIES =
      List.of(
          "equalize:1",
          "equalize:2",
          EQUALIZE,
          "equalize:4",
          "equalize:5",
          "equalize:3:last",
          "threshold:0.1",
          "threshold:0.15",
          "threshold:0.2",
          THRESHOLD,
          "threshold:0.3",
          THR_MMT);

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

  public static void main(String[] args) {
    Path folder = PlanetLab.folder(args);
    System.out.println(
        "| day | hosts | strategy | mean imbalance | imbalance-time h | migrations |"
            + " thrashes (back within 1 h) | overloaded host-h | energy kWh |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    Map<String, Map<String, SimulationReport>> days = new LinkedHashMap<>();
    Map<String, Integer> hosts = new LinkedHashMap<>();
    for (String day : PlanetLab.DAYS) {
      hosts.put(day, HostCount.fewest(folder, day));
      Map<String, SimulationReport> r = new LinkedHashMap<>();
      for (String spec : STRATEGIES) {
        SimulationReport x = Simulation.run(scenario(folder, day, spec, hosts.get(day)));
        r.put(spec, x);
        System.out.println(
            String.format(
                Locale.ROOT,
                "| %s | %d | %s | %.4f | %.2f | %,d | %d | %.2f | %.2f |",
                day,
                hosts.get(day),
                spec,
                x.meanImbalance(),
                x.imbalanceHours(),
                x.migrations(),
                x.thrashes(),
                x.overloadedHostHours(),
                x.energyKwh()));
      }
      days.put(day, r);
    }
    printWins(days);
    printSweep(days);
    DensitySweep.print(folder, days, hosts);
  }

  /** Per equalize variant: the days it beats threshold at Watcher's default and THR-MMT. */
  private static void printWins(Map<String, Map<String, SimulationReport>> days) {
    Map<String, Integer> wins = new LinkedHashMap<>();
    Map<String, Integer> thrashes = new LinkedHashMap<>();
    List<String> lost = new ArrayList<>();
    days.forEach(
        (day, r) -> {
          for (String spec : STRATEGIES) {
            if (spec.startsWith("equalize")) {
              boolean beats = beats(r.get(spec), r.get(THRESHOLD), r.get(THR_MMT));
              wins.merge(spec, beats ? 1 : 0, Integer::sum);
              if (!beats && spec.equals(EQUALIZE)) {
                lost.add(day);
              }
              thrashes.merge(spec, r.get(spec).thrashes(), Integer::sum);
            }
          }
        });
    System.out.println();
    System.out.println(
        "| equalize | days with less imbalance-time at no more migrations than "
            + THRESHOLD
            + " and THR-MMT | thrashes (VM moved back within its cool-down) |");
    System.out.println("|---|---|---|");
    wins.forEach(
        (spec, n) ->
            System.out.printf(
                Locale.ROOT, "| %s | %d of %d | %d |%n", spec, n, days.size(), thrashes.get(spec)));
    System.out.println();
    System.out.println(
        EQUALIZE
            + " has less imbalance-time at no more migrations than "
            + THRESHOLD
            + " and THR-MMT on every day: "
            + (lost.isEmpty() ? "yes" : "NO (not on " + String.join(", ", lost) + ")"));
    System.out.println(
        EQUALIZE + " thrashes (VM moved back within its cool-down): " + thrashes.get(EQUALIZE));
  }

  /**
   * Every threshold setting against the equalize levels on the imbalance-time / migrations plane:
   * which levels have less imbalance-time at no more migrations. A setting that moves nothing is
   * the unbalanced baseline, which no strategy can beat without a migration.
   */
  private static void printSweep(Map<String, Map<String, SimulationReport>> days) {
    System.out.println();
    System.out.println(
        "| day | threshold | imbalance-time h | migrations | equalize levels with less"
            + " imbalance-time at no more migrations |");
    System.out.println("|---|---|---|---|---|");
    int settings = 0;
    int beaten = 0;
    List<String> open = new ArrayList<>();
    for (var day : days.entrySet()) {
      Map<String, SimulationReport> r = day.getValue();
      for (String t : STRATEGIES) {
        if (!t.startsWith("threshold")) {
          continue;
        }
        SimulationReport th = r.get(t);
        List<String> better = new ArrayList<>();
        for (String e : LEVELS) {
          if (beats(r.get(e), th)) {
            better.add(e);
          }
        }
        String cell;
        if (th.migrations() == 0) {
          cell = "(no migration: the unbalanced baseline)";
        } else {
          settings++;
          if (better.isEmpty()) {
            open.add(
                String.format(
                    Locale.ROOT,
                    "%s %s (%d migration%s)",
                    day.getKey(),
                    t,
                    th.migrations(),
                    th.migrations() == 1 ? "" : "s"));
            cell = "none";
          } else {
            beaten++;
            cell = String.join(", ", better);
          }
        }
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %.4f | %,d | %s |%n",
            day.getKey(),
            t,
            th.imbalanceHours(),
            th.migrations(),
            cell);
      }
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "threshold settings that migrate, beaten by an equalize level on imbalance-time at no more"
            + " migrations: %d of %d%s%n",
        beaten,
        settings,
        open.isEmpty() ? "" : " (not: " + String.join("; ", open) + ")");
  }

  static boolean beats(SimulationReport e, SimulationReport... others) {
    for (SimulationReport o : others) {
      if (!(e.imbalanceHours() < o.imbalanceHours() && e.migrations() <= o.migrations())) {
        return false;
      }
    }
    return true;
  }
}
