package org.vimana.sim.replay;

import java.util.List;

/**
 * The outcome of one simulation. SLATAH, PDM, SLAV and ESV are Beloglazov and Buyya's (2012)
 * metrics as CloudSim 4.0 computes them, which gave the paper's and the data README's figures:
 * SLATAH is the fraction of all active host time during which a host delivered less CPU than asked;
 * PDM the fraction of all CPU asked that VMs lost to their migrations; SLAV = SLATAH x PDM; ESV =
 * energy x SLAV. The paper's formulas average per host and per VM instead ({@code slatahHostMean},
 * {@code pdmVmMean}); a host busy for longer weighs the same there as one that was on briefly.
 *
 * @param scenario scenario name
 * @param strategy strategy name and parameters
 * @param hosts host count
 * @param vms VM count
 * @param steps planning instants
 * @param energyKwh energy drawn by the hosts
 * @param migrations live migrations started
 * @param slatah SLA violation time per active host (fraction)
 * @param pdm performance degradation due to migrations (fraction)
 * @param slav SLATAH x PDM
 * @param esv energy (kWh) x SLAV
 * @param slatahHostMean the paper's SLATAH: mean over the hosts ever active of the fraction of
 *     their active time spent delivering less CPU than asked
 * @param pdmVmMean the paper's PDM: mean over the VMs of the fraction of their CPU lost to
 *     migrations
 * @param meanImbalance time-averaged standard deviation of the active hosts' CPU load
 * @param imbalanceHours that standard deviation integrated over time (hours)
 * @param overloadedHostHours host-hours with more CPU asked than the host has
 * @param thrashes migrations that sent a VM back to a host it had left within the thrash window
 * @param rejectedMoves planned moves dropped by the re-check before they ran
 * @param meanPlanMillis mean time to plan
 * @param maxPlanMillis longest time to plan
 * @param wallSeconds wall time of the whole run, reading the traces included
 * @param timeline one record per planning instant
 */
public record SimulationReport(
    String scenario,
    String strategy,
    int hosts,
    int vms,
    int steps,
    double energyKwh,
    int migrations,
    double slatah,
    double pdm,
    double slav,
    double esv,
    double slatahHostMean,
    double pdmVmMean,
    double meanImbalance,
    double imbalanceHours,
    double overloadedHostHours,
    int thrashes,
    int rejectedMoves,
    double meanPlanMillis,
    double maxPlanMillis,
    double wallSeconds,
    List<StepRecord> timeline) {

  public SimulationReport {
    timeline = List.copyOf(timeline);
  }

  /** One line for a console. */
  public String summary() {
    return String.format(
        "%s: energy %.2f kWh, %d migrations, SLATAH %.2f%%, PDM %.4f%%, SLAV %.2e, ESV %.2e"
            + " (per host and VM: SLATAH %.2f%%, PDM %.4f%%), imbalance %.4f, overloaded %.1f"
            + " host-h, thrashes %d, wall %.2f s",
        strategy,
        energyKwh,
        migrations,
        100 * slatah,
        100 * pdm,
        slav,
        esv,
        100 * slatahHostMean,
        100 * pdmVmMean,
        meanImbalance,
        overloadedHostHours,
        thrashes,
        wallSeconds);
  }
}
