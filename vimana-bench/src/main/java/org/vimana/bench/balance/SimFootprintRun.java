package org.vimana.bench.balance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.vimana.bench.lab.ProcCpu;
import org.vimana.sim.replay.Simulation;
import org.vimana.sim.replay.SimulationReport;

/**
 * The child process of {@link SimFootprint}: runs one PlanetLab scenario in the paper's set-up,
 * prints its report line, then one machine-readable line with its figures and this process's CPU
 * time and peak RSS, read right before it exits: {@code SimFootprintRun FOLDER DAY SPEC}.
 */
public final class SimFootprintRun {

  /** Starts the machine-readable line. */
  static final String RESULT = "sim-footprint-result";

  private SimFootprintRun() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: SimFootprintRun PLANETLAB_FOLDER DAY SPEC");
      System.exit(2);
    }
    SimulationReport r = Simulation.run(PlanetLab.scenario(Path.of(args[0]), args[1], args[2]));
    System.out.println(r.summary());
    // Last, so that they cover the whole run: CPU time of every thread (JIT and GC included) and
    // the kernel's high-water mark of this process's resident set.
    double cpuSeconds = ProcCpu.self() / 1000;
    long hwmKib = vmHwmKib(Path.of("/proc/self/status"));
    System.out.println(
        String.format(
            Locale.ROOT,
            "%s energy=%.6f migrations=%d hosts=%d vms=%d sim_wall=%.6f cpu=%.6f vmhwm_kib=%d",
            RESULT,
            r.energyKwh(),
            r.migrations(),
            r.hosts(),
            r.vms(),
            r.wallSeconds(),
            cpuSeconds,
            hwmKib));
  }

  /** The key=value pairs of the {@link #RESULT} line in a child's output, or null without one. */
  static Map<String, String> result(String stdout) {
    for (String line : stdout.split("\n")) {
      if (line.startsWith(RESULT + " ")) {
        Map<String, String> values = new HashMap<>();
        for (String pair : line.substring(RESULT.length() + 1).trim().split(" ")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
        }
        return values;
      }
    }
    return null;
  }

  /** VmHWM of a {@code /proc/PID/status} file in KiB, or -1 when it has none (or is gone). */
  static long vmHwmKib(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process has exited between two polls
    }
    return -1;
  }
}
