package org.vimana.cli.client;

import java.util.List;
import org.vimana.balancer.cost.AntiThrashing;
import org.vimana.balancer.cost.PreCopyCostModel;
import org.vimana.balancer.strategy.Strategies;

/** The balancing strategies, as {@code vimana sim strategies} lists them, and a spec check. */
final class StrategySpecs {
  /** One strategy family: its spec syntax, an example and what it does. */
  record Entry(String spec, String example, String description) {}

  static final List<Entry> ALL =
      List.of(
          new Entry(
              "equalize[:LEVEL]",
              "equalize:3",
              "minimise imbalance (std. dev. of CPU and memory load) by greedy best moves;"
                  + " level 1-5 like DRS's threshold (default 3)"),
          new Entry(
              "threshold[:T]",
              "threshold:0.8",
              "move load off hosts above T (default 0.8), as OpenStack Watcher's workload_balance"),
          new Entry(
              "thr-SEL[:T]",
              "thr-mmt:0.8",
              "Beloglazov-Buyya: static overload threshold T, then consolidation"),
          new Entry(
              "iqr-SEL[:S]",
              "iqr-mc:1.5",
              "adaptive threshold 1 - S x inter-quartile range of host load"),
          new Entry(
              "mad-SEL[:S]",
              "mad-mmt:2.5",
              "adaptive threshold 1 - S x median absolute deviation of host load"),
          new Entry(
              "lr-SEL[:S]",
              "lr-mmt:1.2",
              "local regression: overloaded when S x predicted load >= 1"),
          new Entry(
              "lrr-SEL[:S]", "lrr-mu:1.2", "robust local regression (one bisquare re-weighting)"));

  /** VM selection policies of the consolidation family (SEL above). */
  static final String SELECTORS =
      "SEL: mmt (minimum migration time), mc (maximum correlation), mu (minimum utilisation),"
          + " rs (random selection)";

  private static final Strategies.Settings CHECK =
      new Strategies.Settings(
          PreCopyCostModel.DEFAULT, AntiThrashing.DEFAULT, 0.8, 1e-4, 50, 1, false);

  private StrategySpecs() {}

  /**
   * @throws IllegalArgumentException naming what is wrong with {@code spec}
   */
  static void check(String spec) {
    Strategies.create(spec, CHECK);
  }
}
