package org.vimana.sim.replay.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.vimana.sim.replay.SimulationReport;
import org.vimana.sim.replay.StepRecord;

/** Writes {@code summary.csv} (one row of figures) and {@code timeline.csv} (one row per step). */
public final class CsvReport {

  public static final String SUMMARY_HEADER =
      "scenario,strategy,hosts,vms,steps,energy_kwh,migrations,slatah,pdm,slav,esv,"
          + "mean_imbalance,imbalance_hours,overloaded_host_hours,thrashes,rejected_moves,"
          + "mean_plan_ms,max_plan_ms,wall_s,slatah_host_mean,pdm_vm_mean";

  private CsvReport() {}

  public static void write(SimulationReport r, Path folder) {
    try {
      Files.createDirectories(folder);
      Files.writeString(
          folder.resolve("summary.csv"),
          SUMMARY_HEADER + "\n" + summaryRow(r) + "\n",
          StandardCharsets.UTF_8);
      StringBuilder b =
          new StringBuilder(
              "time_s,active_hosts,mean_load,imbalance,overloaded_hosts,migrations,power_w,plan_ms\n");
      for (StepRecord s : r.timeline()) {
        b.append(
            String.format(
                Locale.ROOT,
                "%d,%d,%.5f,%.5f,%d,%d,%.1f,%.3f%n",
                s.timeSeconds(),
                s.activeHosts(),
                s.meanLoad(),
                s.imbalance(),
                s.overloadedHosts(),
                s.migrationsStarted(),
                s.powerWatts(),
                s.planMillis()));
      }
      Files.writeString(folder.resolve("timeline.csv"), b, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + folder, e);
    }
  }

  /** One summary row, matching {@link #SUMMARY_HEADER}. */
  public static String summaryRow(SimulationReport r) {
    return String.format(
        Locale.ROOT,
        "%s,%s,%d,%d,%d,%.4f,%d,%.6f,%.8f,%.10f,%.10f,%.6f,%.4f,%.4f,%d,%d,%.3f,%.3f,%.3f,%.6f,%.8f",
        quote(r.scenario()),
        quote(r.strategy()),
        r.hosts(),
        r.vms(),
        r.steps(),
        r.energyKwh(),
        r.migrations(),
        r.slatah(),
        r.pdm(),
        r.slav(),
        r.esv(),
        r.meanImbalance(),
        r.imbalanceHours(),
        r.overloadedHostHours(),
        r.thrashes(),
        r.rejectedMoves(),
        r.meanPlanMillis(),
        r.maxPlanMillis(),
        r.wallSeconds(),
        r.slatahHostMean(),
        r.pdmVmMean());
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
