package org.vimana.bench.balance;

import static org.vimana.bench.balance.StrategyTable.fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.vimana.bench.balance.SimFootprintChild.Run;
import org.vimana.bench.lab.Median;

/**
 * One strategy's runs, summed up once so that its row of the medians table and the final failure
 * list judge them alike. {@code energies} and {@code migrations} are the distinct printed results
 * of the successful runs: more than one means a deterministic simulation gave different answers.
 */
record SimFootprintOutcome(
    String spec, List<Run> ok, int failed, List<String> energies, List<String> migrations) {

  static SimFootprintOutcome of(String spec, List<Run> all) {
    List<Run> mine = all.stream().filter(r -> r.spec().equals(spec)).toList();
    List<Run> ok = mine.stream().filter(Run::ok).toList();
    return new SimFootprintOutcome(
        spec,
        ok,
        mine.size() - ok.size(),
        ok.stream().map(r -> fmt("%.2f", r.energy())).distinct().toList(),
        ok.stream().map(r -> fmt("%,d", r.migrations())).distinct().toList());
  }

  boolean varies() {
    return energies.size() > 1 || migrations.size() > 1;
  }

  String problem() {
    return spec + ": energy or migrations differ between runs: " + energies + migrations;
  }

  /** Whether the runs met {@link SimFootprint}'s targets, and if not, why. */
  String verdict() {
    if (ok.isEmpty()) {
      return "**NO**: every run failed";
    }
    double wall = median(Run::processWall);
    double rss = ok.stream().mapToLong(Run::hwmKib).max().orElseThrow() / 1024.0;
    List<String> misses = new ArrayList<>();
    if (failed > 0) {
      misses.add(failed + " run(s) failed");
    }
    if (wall >= SimFootprint.TARGET_WALL_SECONDS) {
      misses.add(fmt("wall %.2f s", wall));
    }
    if (rss >= SimFootprint.TARGET_RSS_MIB) {
      misses.add(fmt("RSS %.0f MiB", rss));
    }
    return misses.isEmpty() ? "yes" : "**NO**: " + String.join(", ", misses);
  }

  /** The median of a figure over the successful runs (NaN when none succeeded). */
  double median(ToDoubleFunction<Run> figure) {
    return Median.of(ok.stream().map(figure::applyAsDouble).toList());
  }

  /** "median (min–max)" of a figure over the successful runs, or "-" when none succeeded. */
  String spread(ToDoubleFunction<Run> figure, String format) {
    if (ok.isEmpty()) {
      return "-";
    }
    double[] v = ok.stream().mapToDouble(figure).sorted().toArray();
    return fmt(format, median(figure))
        + " ("
        + fmt(format, v[0])
        + "–"
        + fmt(format, v[v.length - 1])
        + ")";
  }
}
