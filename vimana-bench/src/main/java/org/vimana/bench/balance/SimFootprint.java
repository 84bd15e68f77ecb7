package org.vimana.bench.balance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.vimana.bench.balance.SimFootprintChild.Run;

/**
 * The simulator's footprint as a user meets it: each of THR-MMT 0.8, LR-MMT 1.2 and IQR-MC 1.5 on
 * one PlanetLab day in the paper's set-up, each run a fresh child JVM limited to a 512 MiB heap,
 * beside CloudSim 4.0's figures from the data README: {@code ./vimana-bench/run sim-footprint
 * [--runs 5] [--day 20110303] [PLANETLAB_FOLDER]}.
 *
 * <p>Per run it measures the child process's wall time from launch to exit (JVM start and exit
 * included), the simulation's own wall time ({@code SimulationReport.wallSeconds()}), the process's
 * CPU time and its peak RSS (VmHWM), and prints the run's energy and migrations so that the figures
 * belong to a correct result. The strategies are interleaved run by run so that load from other
 * users of the machine hits them alike. A run that fails (an {@code OutOfMemoryError} under the
 * heap limit, any other error, no result) is reported and makes the benchmark exit with status 1,
 * as do results that differ between runs of one strategy (the simulation is deterministic).
 */
public final class SimFootprint {

  static final List<String> STRATEGIES = List.of("thr-mmt:0.8", "lr-mmt:1.2", "iqr-mc:1.5");

  /** The heap limit of each child: the memory target, enforced. */
  static final String HEAP = "-Xmx512m";

  static final double TARGET_WALL_SECONDS = 3;
  static final long TARGET_RSS_MIB = 512;

  /** The only day whose CloudSim 4.0 footprint (THR-MMT 0.8 only) the data README gives. */
  static final String CLOUDSIM_DAY = "20110303";

  private SimFootprint() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Options o = Options.parse(args);
    SimFootprintChild child = new SimFootprintChild(o.folder(), o.day());
    SimFootprintReport.preamble(o.day(), o.runs(), child.command(STRATEGIES.get(0)));
    List<Run> all = new ArrayList<>();
    for (int i = 1; i <= o.runs(); i++) {
      for (String spec : STRATEGIES) {
        Run r = child.run(i, spec);
        all.add(r);
        SimFootprintReport.run(r);
      }
    }
    SimFootprintReport.end(all);
    List<SimFootprintOutcome> outcomes =
        STRATEGIES.stream().map(spec -> SimFootprintOutcome.of(spec, all)).toList();
    SimFootprintMedians.print(o.day(), o.runs(), outcomes);
    List<String> problems =
        Stream.concat(
                all.stream().filter(r -> !r.ok()).map(Run::problem),
                outcomes.stream()
                    .filter(SimFootprintOutcome::varies)
                    .map(SimFootprintOutcome::problem))
            .toList();
    if (!problems.isEmpty()) {
      SimFootprintReport.failures(problems);
      System.exit(1);
    }
  }

  /** The command line; a mistake in it ends the benchmark with the usage and status 2. */
  private record Options(int runs, String day, Path folder) {

    static Options parse(String[] args) {
      int runs = 5;
      String day = CLOUDSIM_DAY;
      List<String> rest = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--runs" -> runs = Integer.parseInt(value(args, ++i, "--runs"));
          case "--day" -> day = value(args, ++i, "--day");
          default -> {
            if (args[i].startsWith("--")) {
              usage("unknown option " + args[i]);
            }
            rest.add(args[i]);
          }
        }
      }
      if (runs < 1 || rest.size() > 1) {
        usage(runs < 1 ? "--runs must be at least 1" : "one PLANETLAB_FOLDER at most");
      }
      Path folder = PlanetLab.folder(rest.toArray(String[]::new)).toAbsolutePath().normalize();
      if (!Files.isDirectory(folder.resolve(day))) {
        usage("no folder " + folder.resolve(day));
      }
      return new Options(runs, day, folder);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        usage(option + " needs a value");
      }
      return args[i];
    }

    private static void usage(String problem) {
      System.err.println(problem);
      System.err.println("usage: sim-footprint [--runs 5] [--day 20110303] [PLANETLAB_FOLDER]");
      System.exit(2);
    }
  }
}
