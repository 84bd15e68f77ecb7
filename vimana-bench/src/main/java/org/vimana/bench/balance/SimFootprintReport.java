package org.vimana.bench.balance;

import static org.vimana.bench.balance.StrategyTable.fmt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vimana.bench.balance.SimFootprintChild.Run;

/**
 * sim-footprint's report around the medians table: what is measured and how, one row per run as it
 * ends (so that a long benchmark shows progress), and the failure list. Load averages are printed
 * because other users of the machine sway every time figure.
 */
final class SimFootprintReport {

  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private SimFootprintReport() {}

  /** The title, the child's command line to reproduce a run by hand, and the table's header. */
  static void preamble(String day, int runs, List<String> command) {
    System.out.printf(
        Locale.ROOT,
        "# sim-footprint: day %s, %d run(s) per strategy (strategies interleaved), one child JVM"
            + " per run%n%n",
        day,
        runs);
    System.out.println(
        "child command (the last argument is the strategy: " + SimFootprint.STRATEGIES + "):");
    System.out.println();
    System.out.println("    " + shellLine(command));
    System.out.println();
    definitions();
    System.out.println(
        "| run | strategy | exit | process wall s | sim wall s | CPU s | peak RSS MiB (child)"
            + " | VmHWM MiB (parent poll) | energy kWh | migrations |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
  }

  private static void definitions() {
    System.out.println(
        "* process wall: launch to exit of the child, timed by this process (JVM start, class"
            + " loading, reading the traces, the simulation, JVM exit): what `vimana sim run`"
            + " costs a user.");
    System.out.println(
        "* sim wall: the report's wallSeconds() (reading the traces and the simulation).");
    System.out.println(
        "* CPU: the child's process CPU time (user + system, all threads, JIT and GC included),"
            + " read by the child at the end of main.");
    System.out.printf(
        Locale.ROOT,
        "* peak RSS: VmHWM of the child's own /proc/self/status read at the end of main (the"
            + " figure used); beside it the largest VmHWM this process saw polling"
            + " /proc/PID/status every %d ms (a cross-check, a lower bound).%n",
        SimFootprintChild.POLL_MILLIS);
    System.out.printf(
        Locale.ROOT,
        "* %s caps the heap: a run that needs more fails with OutOfMemoryError, reported as"
            + " FAILED (exit status 1).%n",
        SimFootprint.HEAP);
    System.out.printf(
        Locale.ROOT,
        "* machine: %d processors, load average %s at start%n%n",
        Runtime.getRuntime().availableProcessors(),
        loadAverage());
  }

  /** A run's row, flushed at once, and under a failed one what failed. */
  static void run(Run r) {
    System.out.println(row(r));
    System.out.flush();
    if (!r.ok()) {
      System.out.println();
      System.out.println("**FAILED** " + r.problem());
      System.out.println();
    }
  }

  private static String row(Run r) {
    return String.format(
        Locale.ROOT,
        "| %d | %s | %d | %.2f | %s | %s | %s | %s | %s | %s |",
        r.index(),
        r.spec(),
        r.exit(),
        r.processWall(),
        r.ok() ? fmt("%.2f", r.simWall()) : "-",
        r.ok() ? fmt("%.2f", r.cpu()) : "-",
        r.ok() ? fmt("%.0f", r.hwmKib() / 1024.0) : "**FAILED**",
        r.parentHwmKib() < 0 ? "-" : fmt("%.0f", r.parentHwmKib() / 1024.0),
        r.ok() ? fmt("%.2f", r.energy()) : "-",
        r.ok() ? fmt("%,d", r.migrations()) : "-");
  }

  /** After the runs: the load average and the size of the scenario that was run. */
  static void end(List<Run> all) {
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "load average %s at end; %s%n%n",
        loadAverage(),
        all.stream()
            .filter(Run::ok)
            .findFirst()
            .map(r -> r.hosts() + " hosts, " + r.vms() + " VMs")
            .orElse("no run succeeded"));
  }

  /** Lists the problems on stdout, and on stderr as well so that a log tail shows them. */
  static void failures(List<String> problems) {
    System.out.println();
    System.out.println("**FAILED**:");
    problems.forEach(p -> System.out.println("* " + p));
    System.out.flush();
    System.err.println("sim-footprint FAILED: " + String.join("; ", problems));
  }

  private static String shellLine(List<String> command) {
    return command.stream()
        .map(a -> SHELL_SAFE.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'")
        .collect(Collectors.joining(" "));
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
