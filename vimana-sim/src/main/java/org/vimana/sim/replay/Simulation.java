package org.vimana.sim.replay;

import java.nio.file.Path;
import org.vimana.sim.replay.engine.Engine;
import org.vimana.sim.replay.engine.Replay;
import org.vimana.sim.replay.report.CsvReport;
import org.vimana.sim.replay.report.SvgChart;
import org.vimana.sim.replay.trace.CsvTraces;
import org.vimana.sim.replay.trace.PlanetLabTraces;
import org.vimana.sim.replay.trace.TraceSet;

/** Runs a scenario: reads its traces, replays them, reports. */
public final class Simulation {

  private Simulation() {}

  /**
   * Runs {@code scenario} and returns its report.
   *
   * @throws BadInputException for a malformed trace (file and line named)
   * @throws IllegalArgumentException for a strategy spec or VM type the scenario gets wrong
   */
  public static SimulationReport run(Scenario scenario) {
    long began = System.nanoTime();
    TraceSet traces = readTraces(scenario);
    Replay.Totals totals = Engine.run(scenario, traces);
    Engine.Figures f = Engine.figures(totals);
    double wall = (System.nanoTime() - began) / 1e9;
    double meanPlan =
        totals.timeline().stream().mapToDouble(StepRecord::planMillis).average().orElse(0);
    double maxPlan = totals.timeline().stream().mapToDouble(StepRecord::planMillis).max().orElse(0);
    double slav = f.slatah() * f.pdm();
    return new SimulationReport(
        scenario.name(),
        Engine.strategy(scenario).name(),
        scenario.hostCount(),
        traces.vmCount(),
        totals.timeline().size(),
        f.energyKwh(),
        totals.migrations(),
        f.slatah(),
        f.pdm(),
        slav,
        f.energyKwh() * slav,
        f.slatahHostMean(),
        f.pdmVmMean(),
        f.meanImbalance(),
        f.imbalanceHours(),
        f.overloadedHostHours(),
        totals.thrashes(),
        totals.rejected(),
        meanPlan,
        maxPlan,
        wall,
        totals.timeline());
  }

  /**
   * Runs {@code scenario} and writes {@code summary.csv}, {@code timeline.csv}, {@code chart.svg}.
   */
  public static SimulationReport runAndWrite(Scenario scenario, Path outputFolder) {
    SimulationReport report = run(scenario);
    CsvReport.write(report, outputFolder);
    SvgChart.write(report, outputFolder.resolve("chart.svg"));
    return report;
  }

  /** The scenario's traces. */
  public static TraceSet readTraces(Scenario scenario) {
    TraceSet traces =
        scenario.traceFormat().equals("csv")
            ? CsvTraces.read(scenario.tracePath())
            : PlanetLabTraces.read(scenario.tracePath(), scenario.traceOrder());
    return scenario.maxVms() > 0 ? traces.limit(scenario.maxVms()) : traces;
  }
}
