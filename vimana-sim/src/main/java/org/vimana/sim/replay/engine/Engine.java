package org.vimana.sim.replay.engine;

import org.vimana.balancer.cost.CopyOnceCostModel;
import org.vimana.balancer.cost.MigrationCostModel;
import org.vimana.balancer.cost.PreCopyCostModel;
import org.vimana.balancer.snapshot.Constraints;
import org.vimana.balancer.strategy.Strategies;
import org.vimana.balancer.strategy.Strategy;
import org.vimana.sim.replay.ReplaySettings;
import org.vimana.sim.replay.Scenario;
import org.vimana.sim.replay.trace.TraceSet;

/** Wires a scenario and its traces into a {@link Replay} and runs it. */
public final class Engine {

  private Engine() {}

  /** The migration cost model a scenario asks for. */
  public static MigrationCostModel costModel(ReplaySettings s) {
    return s.preCopy() ? new PreCopyCostModel(s.maxDowntimeSeconds(), 30) : new CopyOnceCostModel();
  }

  /** The strategy a scenario names, with its settings. */
  public static Strategy strategy(Scenario scenario) {
    ReplaySettings s = scenario.settings();
    return Strategies.create(
        scenario.strategy(),
        new Strategies.Settings(
            costModel(s),
            s.antiThrashing(),
            s.hotThreshold(),
            s.costPerSecond(),
            s.maxMovesPerPlan(),
            s.seed(),
            s.chainMoves()));
  }

  public static Replay.Totals run(Scenario scenario, TraceSet traces) {
    ReplaySettings s = scenario.settings();
    Strategy strategy = strategy(scenario);
    World world = new World(scenario, traces);
    InitialPlacement.run(world, s.initialSpread(), initialThreshold(scenario));
    SnapshotBuilder snapshots =
        new SnapshotBuilder(
            world,
            s.historyLength(),
            s.memoryReserved(),
            s.dirtyRate(),
            Constraints.none().withMaxMigrationsPerHost(s.maxMigrationsPerHost()));
    return new Replay(world, strategy, costModel(s), snapshots, s).run();
  }

  /** Energy, SLA and imbalance figures of a finished run. */
  public record Figures(
      double energyKwh,
      double slatah,
      double pdm,
      double slatahHostMean,
      double pdmVmMean,
      double meanImbalance,
      double imbalanceHours,
      double overloadedHostHours) {}

  public static Figures figures(Replay.Totals totals) {
    Meter m = totals.meter();
    return new Figures(
        m.energyJoules / 3.6e6,
        m.slatah(),
        m.pdm(),
        m.slatahHostMean(),
        m.pdmVmMean(),
        m.seconds == 0 ? 0 : m.imbalanceSeconds / m.seconds,
        m.imbalanceSeconds / 3600,
        m.overloadedHostSeconds / 3600);
  }

  private static double initialThreshold(Scenario scenario) {
    double explicit = scenario.settings().initialThreshold();
    if (explicit > 0) {
      return explicit;
    }
    String spec = scenario.strategy().trim().toLowerCase(java.util.Locale.ROOT);
    if (spec.startsWith("thr-")) {
      int colon = spec.indexOf(':');
      return colon < 0 ? 0.8 : Double.parseDouble(spec.substring(colon + 1));
    }
    if (spec.startsWith("equalize") || spec.startsWith("threshold")) {
      return scenario.settings().hotThreshold();
    }
    return 0.7;
  }
}
