package org.vimana.bench.balance;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vimana.sim.replay.Simulation;
import org.vimana.sim.replay.SimulationReport;

/**
 * Equalize against threshold and THR-MMT on the PlanetLab days: imbalance-time, migrations and a
 * thrash check (a VM sent back to a host it left within the 1-hour cool-down): {@code
 * ./vimana-bench/run balance-compare [PLANETLAB_FOLDER]}.
 */
public final class BalanceComparison {

  static final List<String> STRATEGIES = List.of("equalize:4", "threshold:0.25", "thr-mmt:0.8");

  /** Equalize's minimum gain is in host-equivalents of imbalance: 0.02. */
  static final org.vimana.balancer.cost.AntiThrashing EQUALIZE =
      new org.vimana.balancer.cost.AntiThrashing(0.02, 0.01, 3600);

  static org.vimana.sim.replay.Scenario scenario(Path folder, String day, String spec, int hosts) {
    var paper = PlanetLab.scenario(folder, day, spec);
    var settings =
        paper
            .settings()
            .withRetireIdleVms(false)
            .withChainMoves(false)
            .withAntiThrashing(spec.startsWith("equalize") ? EQUALIZE : PlanetLab.BALANCING);
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
    boolean equalizeWins = true;
    int equalizeThrashes = 0;
    for (String day : PlanetLab.DAYS) {
      SimulationReport[] r = new SimulationReport[STRATEGIES.size()];
      for (int i = 0; i < r.length; i++) {
        r[i] = run(folder, day, STRATEGIES.get(i));
        System.out.println(
            String.format(
                Locale.ROOT,
                "| %s | %s | %.4f | %.2f | %,d | %d | %.2f | %.2f |",
                day,
                STRATEGIES.get(i),
                r[i].meanImbalance(),
                r[i].imbalanceHours(),
                r[i].migrations(),
                r[i].thrashes(),
                r[i].overloadedHostHours(),
                r[i].energyKwh()));
      }
      equalizeThrashes += r[0].thrashes();
      for (int i = 1; i < r.length; i++) {
        equalizeWins &=
            r[0].imbalanceHours() < r[i].imbalanceHours() && r[0].migrations() <= r[i].migrations();
      }
    }
    System.out.println();
    System.out.println(
        "equalize has less imbalance-time at no more migrations than threshold and"
            + " THR-MMT on every day: "
            + (equalizeWins ? "yes" : "NO"));
    System.out.println(
        "equalize thrashes (VM moved back within its cool-down): " + equalizeThrashes);
  }
}
