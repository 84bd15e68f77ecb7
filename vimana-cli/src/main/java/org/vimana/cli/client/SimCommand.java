package org.vimana.cli.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vimana.cli.CliException;
import org.vimana.cli.ExitCode;
import org.vimana.cli.Main;
import org.vimana.cli.format.KeyValues;
import org.vimana.cli.format.Table;
import org.vimana.cli.format.Table.Column;
import org.vimana.sim.replay.BadInputException;
import org.vimana.sim.replay.Scenario;
import org.vimana.sim.replay.ScenarioFile;
import org.vimana.sim.replay.Simulation;
import org.vimana.sim.replay.SimulationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vimana sim run|strategies}: the trace-replay simulator of balancing strategies, run in
 * this process in virtual time (no manager needed).
 */
@Command(
    name = "sim",
    description = "Replay traces over a simulated data centre to compare balancing strategies.")
public final class SimCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: run, strategies");
  }

  @Command(
      name = "run",
      description =
          "Run a scenario file and print energy, migrations, SLATAH, PDM, SLAV, ESV, imbalance"
              + " and wall time; with --out also summary.csv, timeline.csv and chart.svg.")
  int runScenario(
      @Parameters(paramLabel = "SCENARIO_FILE", description = "key = value scenario file.")
          Path file,
      @Option(names = "--out", paramLabel = "DIR", description = "Write CSV and SVG reports here.")
          Path out,
      @Option(names = "--json", description = "Print the report (with its timeline) as JSON.")
          boolean json) {
    return main.run(
        () -> {
          SimulationReport r = simulate(file, out);
          if (json) {
            main.printJson(r);
            return;
          }
          main.out().print(report(r));
          if (out != null) {
            main.out()
                .println(
                    "written: "
                        + out.resolve("summary.csv")
                        + ", "
                        + out.resolve("timeline.csv")
                        + ", "
                        + out.resolve("chart.svg"));
          }
        });
  }

  @Command(
      name = "strategies",
      description = "List the strategies a scenario (or the daemon) runs.")
  int strategies() {
    return main.run(
        () -> {
          Table t = new Table(Column.left("SPEC"), Column.left("EXAMPLE"), Column.left("WHAT"));
          for (StrategySpecs.Entry e : StrategySpecs.ALL) {
            t.row(e.spec(), e.example(), e.description());
          }
          main.out().print(t.render());
          main.out().println(StrategySpecs.SELECTORS);
        });
  }

  private static SimulationReport simulate(Path file, Path out) throws CliException {
    if (!Files.isRegularFile(file)) {
      throw CliException.usage("no scenario file " + file);
    }
    try {
      Scenario scenario = ScenarioFile.load(file);
      try {
        StrategySpecs.check(scenario.strategy());
      } catch (IllegalArgumentException e) {
        throw CliException.usage(file + lineOf(file, "strategy") + ": " + e.getMessage());
      }
      return out == null ? Simulation.run(scenario) : Simulation.runAndWrite(scenario, out);
    } catch (BadInputException e) {
      throw new CliException(ExitCode.USAGE, e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new CliException(
          ExitCode.FAILURE, "cannot write the report to " + out + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      // The scenario parses but does not work (a VM type the traces name is missing, ...).
      throw new CliException(ExitCode.USAGE, file + ": " + e.getMessage(), e);
    }
  }

  /** {@code :LINE} of the line setting {@code key}, or nothing when it cannot be found. */
  private static String lineOf(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i).strip();
        if (l.startsWith(key) && l.substring(key.length()).strip().startsWith("=")) {
          return ":" + (i + 1);
        }
      }
    } catch (IOException e) {
      // the file was readable a moment ago; name it without a line
    }
    return "";
  }

  static String report(SimulationReport r) {
    KeyValues kv = new KeyValues();
    kv.add("Scenario", r.scenario());
    kv.add("Strategy", r.strategy());
    kv.add("Hosts / VMs / steps", r.hosts() + " / " + r.vms() + " / " + r.steps());
    kv.add("Energy", f("%.2f kWh", r.energyKwh()));
    kv.add("Migrations", Integer.toString(r.migrations()));
    kv.add("SLATAH", f("%.2f %%", 100 * r.slatah()));
    kv.add("PDM", f("%.4f %%", 100 * r.pdm()));
    kv.add("SLAV", f("%.3e", r.slav()));
    kv.add("ESV", f("%.3e", r.esv()));
    kv.add(
        "Per host and VM",
        f(
            "SLATAH %.2f %%, PDM %.4f %% (the paper's means)",
            100 * r.slatahHostMean(), 100 * r.pdmVmMean()));
    kv.add("Imbalance", f("mean %.4f, %.2f h integrated", r.meanImbalance(), r.imbalanceHours()));
    kv.add("Overloaded", f("%.2f host-h", r.overloadedHostHours()));
    kv.add("Thrashes", Integer.toString(r.thrashes()));
    kv.add("Rejected moves", Integer.toString(r.rejectedMoves()));
    kv.add("Plan time", f("mean %.2f ms, max %.2f ms", r.meanPlanMillis(), r.maxPlanMillis()));
    kv.add("Wall time", f("%.2f s", r.wallSeconds()));
    return kv.render();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
