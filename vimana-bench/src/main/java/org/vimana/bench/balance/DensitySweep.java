package org.vimana.bench.balance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.vimana.sim.replay.Simulation;
import org.vimana.sim.replay.SimulationReport;

/**
 * The verdict at every density: each day's VMs on its {@link HostCount} and on 500 to 800 hosts,
 * equalize's default level against threshold at Watcher's default and THR-MMT. Fewer VMs per host
 * leave less imbalance that a migration can move (a host hot with one large VM stays hot wherever
 * it goes), so the sparse worlds show where the verdict stops holding, and why.
 */
final class DensitySweep {

  private static final List<Integer> MORE_HOSTS = List.of(500, 600, 700, HostCount.MOST);

  private DensitySweep() {}

  /**
   * @param sized each day's results on its own host count, already run by the comparison
   * @param hosts each day's host count
   */
  static void print(
      Path folder, Map<String, Map<String, SimulationReport>> sized, Map<String, Integer> hosts) {
    System.out.println();
    System.out.println(
        "| day | hosts | VMs per host | no balancing h | "
            + BalanceComparison.EQUALIZE
            + " h / migrations | "
            + BalanceComparison.THRESHOLD
            + " h / migrations | "
            + BalanceComparison.THR_MMT
            + " h / migrations | "
            + BalanceComparison.EQUALIZE
            + " less at no more |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    int worlds = 0;
    List<String> lost = new ArrayList<>();
    List<String> idle = new ArrayList<>();
    for (var day : sized.entrySet()) {
      var counts = new TreeSet<Integer>();
      counts.add(hosts.get(day.getKey()));
      MORE_HOSTS.stream().filter(n -> n > hosts.get(day.getKey())).forEach(counts::add);
      for (int n : counts) {
        Map<String, SimulationReport> r =
            n == hosts.get(day.getKey()) ? day.getValue() : run(folder, day.getKey(), n);
        SimulationReport e = r.get(BalanceComparison.EQUALIZE);
        boolean beats =
            BalanceComparison.beats(
                e, r.get(BalanceComparison.THRESHOLD), r.get(BalanceComparison.THR_MMT));
        String verdict;
        if (r.get(BalanceComparison.THRESHOLD).migrations() == 0) {
          // No strategy has less imbalance than the unbalanced baseline without a migration.
          verdict = "(threshold moves nothing: the unbalanced baseline)";
          idle.add(day.getKey() + " on " + n);
        } else {
          worlds++;
          verdict = beats ? "yes" : "NO";
          if (!beats) {
            lost.add(day.getKey() + " on " + n + " hosts");
          }
        }
        System.out.printf(
            Locale.ROOT,
            "| %s | %d | %.2f | %.4f | %s | %s | %s | %s |%n",
            day.getKey(),
            n,
            (double) e.vms() / n,
            r.get("equalize:1").imbalanceHours(),
            cell(e),
            cell(r.get(BalanceComparison.THRESHOLD)),
            cell(r.get(BalanceComparison.THR_MMT)),
            verdict);
      }
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%s has less imbalance-time at no more migrations than %s and THR-MMT in %d of the %d"
            + " (day, host count) worlds where threshold migrates%s; threshold moves nothing in"
            + " %d (%s hosts)%n",
        BalanceComparison.EQUALIZE,
        BalanceComparison.THRESHOLD,
        worlds - lost.size(),
        worlds,
        lost.isEmpty() ? "" : " (not: " + String.join(", ", lost) + ")",
        idle.size(),
        String.join(", ", idle));
  }

  private static Map<String, SimulationReport> run(Path folder, String day, int hosts) {
    var r = new LinkedHashMap<String, SimulationReport>();
    for (String spec :
        List.of(
            "equalize:1",
            BalanceComparison.EQUALIZE,
            BalanceComparison.THRESHOLD,
            BalanceComparison.THR_MMT)) {
      r.put(spec, Simulation.run(BalanceComparison.scenario(folder, day, spec, hosts)));
    }
    return r;
  }

  private static String cell(SimulationReport r) {
    return String.format(Locale.ROOT, "%.4f / %,d", r.imbalanceHours(), r.migrations());
  }
}
