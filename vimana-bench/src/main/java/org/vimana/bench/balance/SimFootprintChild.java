package org.vimana.bench.balance;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Launches {@link SimFootprintRun} in a fresh JVM under {@link SimFootprint#HEAP} and measures it
 * from outside: a fresh JVM per run is what a user pays for, and the heap limit makes a run that
 * needs more memory fail instead of quietly growing.
 */
final class SimFootprintChild {

  /** How often the parent reads the child's /proc/PID/status (a cross-check of its VmHWM). */
  static final long POLL_MILLIS = 50;

  /** One child run; {@code failure} is null when it succeeded. */
  record Run(
      int index,
      String spec,
      int exit,
      double processWall,
      double simWall,
      double cpu,
      long hwmKib,
      long parentHwmKib,
      double energy,
      int migrations,
      int hosts,
      int vms,
      String failure) {

    boolean ok() {
      return failure == null;
    }

    /** What failed, naming the run: for the row's note and for the final list alike. */
    String problem() {
      return "run " + index + " " + spec + ": " + failure;
    }
  }

  /** The command line without its last argument, the strategy. */
  private final List<String> base;

  SimFootprintChild(Path folder, String day) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> !e.isEmpty())
            .map(e -> Path.of(e).toAbsolutePath().normalize().toString())
            .collect(Collectors.joining(File.pathSeparator));
    base =
        List.of(
            java,
            SimFootprint.HEAP,
            "-cp",
            classpath,
            SimFootprintRun.class.getName(),
            folder.toString(),
            day);
  }

  /** The child's command line for {@code spec}, absolute so that it can be pasted anywhere. */
  List<String> command(String spec) {
    List<String> command = new ArrayList<>(base);
    command.add(spec);
    return command;
  }

  /** Runs {@code spec} once; a failed child yields a {@link Run} with its failure, not a throw. */
  Run run(int index, String spec) throws IOException, InterruptedException {
    Path out = Files.createTempFile("sim-footprint-", ".out");
    Path err = Files.createTempFile("sim-footprint-", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command(spec))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      long began = System.nanoTime();
      Process p = builder.start();
      long parentHwm = awaitPeakHwm(p);
      double wall = (System.nanoTime() - began) / 1e9;
      return measured(
          index,
          spec,
          p.exitValue(),
          wall,
          parentHwm,
          Files.readString(out),
          Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Waits for the child's exit; the largest VmHWM seen meanwhile in KiB, or -1 for none. */
  private static long awaitPeakHwm(Process p) throws InterruptedException {
    Path status = Path.of("/proc/" + p.pid() + "/status");
    long peak = -1;
    while (!p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
      peak = Math.max(peak, SimFootprintRun.vmHwmKib(status));
    }
    return peak;
  }

  private static Run measured(
      int index, String spec, int exit, double wall, long parentHwm, String stdout, String stderr) {
    Map<String, String> result = SimFootprintRun.result(stdout);
    String failure = failure(exit, stdout, stderr, result != null);
    if (result == null) {
      result = Map.of();
    }
    return new Run(
        index,
        spec,
        exit,
        wall,
        Double.parseDouble(result.getOrDefault("sim_wall", "NaN")),
        Double.parseDouble(result.getOrDefault("cpu", "NaN")),
        Long.parseLong(result.getOrDefault("vmhwm_kib", "-1")),
        parentHwm,
        Double.parseDouble(result.getOrDefault("energy", "NaN")),
        Integer.parseInt(result.getOrDefault("migrations", "-1")),
        Integer.parseInt(result.getOrDefault("hosts", "-1")),
        Integer.parseInt(result.getOrDefault("vms", "-1")),
        failure);
  }

  /** Why the run failed, or null; an OutOfMemoryError first, as it can end with any status. */
  private static String failure(int exit, String stdout, String stderr, boolean hasResult) {
    if (stderr.contains("OutOfMemoryError") || stdout.contains("OutOfMemoryError")) {
      return "OutOfMemoryError under "
          + SimFootprint.HEAP
          + " (exit "
          + exit
          + "): "
          + tail(stderr);
    }
    if (exit != 0) {
      return "exit status " + exit + ": " + tail(stderr);
    }
    if (!hasResult) {
      return "no '" + SimFootprintRun.RESULT + "' line in its output: " + tail(stdout);
    }
    return null;
  }

  /** The last lines of a process's output, on one line, so that a failure fits in a table note. */
  private static String tail(String text) {
    List<String> lines = text.strip().lines().map(String::strip).toList();
    List<String> last = lines.subList(Math.max(0, lines.size() - 8), lines.size());
    return last.isEmpty() ? "(no output)" : String.join(" / ", last);
  }
}
