package org.vimana.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every figure of {@link SimulationReport} on a data centre small enough to work out by hand: two
 * hosts, four VMs, a CSV trace of a few steps. The expected values are written as the arithmetic
 * that gives them, from the definitions in {@code engine.Meter}, {@code engine.HostStates}, {@code
 * engine.Replay} and the module README.
 *
 * <p>The world (same for both cases):
 *
 * <ul>
 *   <li>2 hosts, each 2 cores x 1000 MIPS = 2000 MIPS, 1000 Mbit/s; power linear from 100 W idle to
 *       200 W at full load ({@code 100/110/.../200}), so P(u) = 100 + 100 u watts.
 *   <li>4 VMs a, b, c, d of 1 vCPU, 1000 MIPS (a trace's 100 % is 1000 MIPS), 1250 MiB.
 *   <li>Initial placement {@code spread} with threshold 1.0: a -> host-0 (tie, first host), b ->
 *       host-1 (least loaded), c -> host-0 (tie again), d -> host-1 (host-0 is full).
 *   <li>Strategy {@code threshold:0.8}: a host whose demand is above 0.8 of its capacity gives up
 *       the VM whose demand is closest to its excess over the mean, to the least loaded host that
 *       stays at or below 0.8 with it.
 *   <li>A migration lasts memory / (bandwidth / 8 x share) = 1250 MiB / (1000 / 8 x 0.5) MiB/s =
 *       1250 / 62.5 = 20 s. Meanwhile the VM gets 90 % of its CPU on the source and the target
 *       spends 10 % of it (PDM counts the 10 % lost).
 *   <li>Samples every 360 s. Sample 0 is the creation instant; the strategy plans at samples 1, 2,
 *       ...; energy and SLA are metered from sample 1 to the last, span by span (a span ends at a
 *       sample or a migration completion), each span judged by its start state (energy: mean of the
 *       power at both ends).
 * </ul>
 */
class HandComputedFiguresTest {

  private static final Offset<Double> TIGHT = within(1e-9);

  /** Both cases start alike: host-0 at 0.9 with a and c, host-1 at 0.1 with b and d. */
  private static final String FIRST_THREE_SAMPLES =
      "0,100,10,80,10\n" + "360,100,10,80,10\n" + "720,100,10,80,10\n";

  @TempDir Path dir;

  private Scenario scenario(String traceRows) throws IOException {
    Files.writeString(dir.resolve("trace.csv"), "time_s,a,b,c,d\n" + traceRows);
    Path file = dir.resolve("hand.properties");
    Files.writeString(
        file,
        "name = by hand\n"
            + "trace.format = csv\n"
            + "trace.path = trace.csv\n"
            + "hosts = 2\n"
            + "host-types = h\n"
            + "host-type.h = cores=2 mips=1000 memory=8192 bandwidth=1000"
            + " power=100/110/120/130/140/150/160/170/180/190/200\n"
            + "vm-types = v\n"
            + "vm-type.v = vcpus=1 mips=1000 memory=1250\n"
            + "strategy = threshold:0.8\n"
            + "placement.initial = spread\n"
            + "placement.initial-threshold = 1.0\n");
    return ScenarioFile.load(file);
  }

  /**
   * One migration, no overload.
   *
   * <pre>
   * t (s)   a    b    c    d      host-0 = a+c        host-1 = b+d
   *    0  100   10   80   10
   *  360  100   10   80   10      1800 MIPS (0.9)      200 MIPS (0.1)
   *  720  100   10   80   10
   * 1080  100   50   80   10
   * </pre>
   *
   * At 360 s host-0 is at 0.9 > 0.8; mean load 0.5, excess (0.9 - 0.5) x 2000 = 800 MIPS: c (800)
   * is closest (a: 1000), host-1 takes it at (200 + 800) / 2000 = 0.5. It migrates 360 -> 380 s.
   */
  @Test
  void aMigrationCostsTenPercentOfTheVmsCpuWhileItLasts() throws IOException {
    SimulationReport r = Simulation.run(scenario(FIRST_THREE_SAMPLES + "1080,100,50,80,10\n"));

    assertThat(r.hosts()).isEqualTo(2);
    assertThat(r.vms()).isEqualTo(4);
    assertThat(r.steps()).isEqualTo(3);
    assertThat(r.migrations()).isEqualTo(1);
    assertThat(r.thrashes()).isZero();
    assertThat(r.rejectedMoves()).isZero();

    // Spans (start state -> what is metered):
    // [360, 380] 20 s, c migrating: host-0 delivers a 1000 + c 800 (720 to c, counted in full on
    //   the source) = 1800 of 1800 asked; host-1 delivers b 100 + d 100 + 10 % of c = 80 -> 280,
    //   but is asked 100 + 100 + 800 (a migrating-in VM counts in full, as CloudSim) = 1000.
    //   Power: P(1800/2000) + P(280/2000) = P(0.9) + P(0.14) = 190 + 114 W, the same at both ends.
    // [380, 720] 340 s: host-0 a = 1000 (0.5), host-1 b + d + c = 1000 (0.5): 150 + 150 W.
    // [720, 1080] 360 s: starts at 0.5 / 0.5 (300 W), ends with b at 500: host-1 1400 (0.7),
    //   150 + 170 = 320 W.
    double energyJoules = (190 + 114) * 20 + (150 + 150) * 340 + (300 + 320) / 2.0 * 360;
    assertThat(energyJoules).isEqualTo(219_680); // 6,080 + 102,000 + 111,600
    assertThat(r.energyKwh()).isCloseTo(energyJoules / 3.6e6, TIGHT); // 0.0610222 kWh

    // SLATAH: active host time delivering less than asked / active host time. Only host-1 during
    // the migration (280 < 1000): 20 s of 2 x (20 + 340 + 360) = 1440 host-seconds. This is
    // CloudSim 4.0's rule (allocated < requested, a migrating-in VM requested in full); the paper's
    // wording, time at 100 % utilisation, would count nothing here (host-1 is at 14 %).
    double slatah = 20.0 / 1440;
    assertThat(r.slatah()).isCloseTo(slatah, TIGHT); // 1.389 %

    // PDM: CPU lost by migrating VMs / CPU asked by all VMs. c loses 10 % of 800 = 80 MIPS for
    // 20 s; all VMs ask 1000 + 100 + 800 + 100 = 2000 MIPS at every span start, over 720 s. This
    // is CloudSim 4.0's aggregate ratio; the paper's formula, the mean over the M VMs of each VM's
    // own ratio, would give (1600 / (800 x 720)) / 4 = 6.94e-4.
    double pdm = (0.1 * 800 * 20) / (2000.0 * 720);
    assertThat(pdm).isCloseTo(1600.0 / 1_440_000, TIGHT);
    assertThat(r.pdm()).isCloseTo(pdm, TIGHT); // 0.111 %

    // The paper's formulas average per host and per VM. Host-0 never violates, host-1 does 20 s
    // of its 720: (0 + 20 / 720) / 2, the pooled figure again as both hosts were on as long. Only c
    // loses CPU: 1600 of the 800 x 720 it asked; a, b and d lose nothing.
    assertThat(r.slatahHostMean()).isCloseTo((0 + 20.0 / 720) / 2, TIGHT);
    assertThat(r.pdmVmMean()).isCloseTo((1600.0 / (800 * 720)) / 4, TIGHT); // 6.94e-4
    assertThat(r.slav()).isCloseTo(slatah * pdm, TIGHT); // 1.543e-5
    assertThat(r.esv()).isCloseTo(energyJoules / 3.6e6 * slatah * pdm, within(1e-15)); // 9.417e-7

    // Imbalance: the standard deviation over active hosts of (demand of the VMs running on the
    // host) / capacity; during the migration c still runs on host-0: {0.9, 0.1}, sigma 0.4, for
    // 20 s; then {0.5, 0.5}, sigma 0, for 700 s.
    assertThat(r.imbalanceHours()).isCloseTo(0.4 * 20 / 3600, TIGHT); // 0.00222 h
    assertThat(r.meanImbalance()).isCloseTo(0.4 * 20 / 720, TIGHT); // 0.0111
    assertThat(r.overloadedHostHours()).isZero();

    // One record per planning instant, taken before that instant's plan runs.
    List<StepRecord> t = r.timeline();
    assertStep(t.get(0), 360, 2, 0.5, 0.4, 0, 1, 190 + 110); // {0.9, 0.1}
    assertStep(t.get(1), 720, 2, 0.5, 0.0, 0, 0, 150 + 150); // {0.5, 0.5}
    assertStep(t.get(2), 1080, 2, 0.6, 0.1, 0, 0, 150 + 170); // {0.5, 0.7}: mean 0.6, sigma 0.1
  }

  /**
   * The same migration, then host-1 is asked for more than it has.
   *
   * <pre>
   * t (s)   a    b    c    d
   *  0-720  as above (c moves to host-1 at 360-380 s)
   * 1080  100  100   70   80      host-0 = a = 1000 (0.5)    host-1 = b+c+d = 2500 (1.25)
   * 1440  100  100   70   80
   * </pre>
   *
   * At 1080 s host-1 is hot, but every VM on it would put host-0 above 0.8 (b 1.0, c 0.85, d 0.9),
   * so it stays overloaded to the end. An over-subscribed host scales every allocation by capacity
   * / asked = 2000 / 2500 = 0.8 (b 800, c 560, d 640: it delivers 2000, utilisation 1).
   */
  @Test
  void anOverloadedHostCountsForSlatahAndOverloadedHostTime() throws IOException {
    SimulationReport r =
        Simulation.run(
            scenario(FIRST_THREE_SAMPLES + "1080,100,100,70,80\n" + "1440,100,100,70,80\n"));

    assertThat(r.steps()).isEqualTo(4);
    assertThat(r.migrations()).isEqualTo(1);
    assertThat(r.rejectedMoves()).isZero();

    // Spans: [360, 380] and [380, 720] as in the migration case; then
    // [720, 1080] 360 s: starts at 0.5 / 0.5 (300 W), ends with host-1 at utilisation 1:
    //   P(0.5) + P(1) = 350 W;
    // [1080, 1440] 360 s: host-0 0.5, host-1 delivers 2000 of 2500 asked, 350 W at both ends.
    double energyJoules =
        (190 + 114) * 20 + (150 + 150) * 340 + (300 + 350) / 2.0 * 360 + (150 + 200) * 360;
    assertThat(energyJoules).isEqualTo(351_080); // 6,080 + 102,000 + 117,000 + 126,000
    assertThat(r.energyKwh()).isCloseTo(energyJoules / 3.6e6, TIGHT); // 0.0975222 kWh

    // SLATAH: host-1 for the 20 s migration (280 < 1000) and the last 360 s (2000 < 2500), over
    // 2 hosts x 1080 s = 2160 host-seconds.
    double slatah = (20.0 + 360) / 2160;
    assertThat(r.slatah()).isCloseTo(slatah, TIGHT); // 17.59 %

    // PDM: the same 1600 MIPS-s lost by c; asked: 2000 MIPS x 720 s, then a 1000 + b 1000 + c 700
    // + d 800 = 3500 MIPS x 360 s.
    double pdm = 1600.0 / (2000.0 * 720 + 3500.0 * 360);
    assertThat(r.pdm()).isCloseTo(pdm, TIGHT); // 0.0593 %
    // Per host: host-1 violates 380 s of its 1080, host-0 none. Per VM: c lost 1600 of the
    // 800 x 720 + 700 x 360 = 828,000 it asked.
    assertThat(r.slatahHostMean()).isCloseTo((0 + 380.0 / 1080) / 2, TIGHT);
    assertThat(r.pdmVmMean()).isCloseTo((1600.0 / 828_000) / 4, TIGHT);
    assertThat(r.slav()).isCloseTo(slatah * pdm, TIGHT);
    assertThat(r.esv()).isCloseTo(energyJoules / 3.6e6 * slatah * pdm, within(1e-15));

    // Overloaded host-time: demand above capacity: host-1 (1.25) for the last 360 s.
    assertThat(r.overloadedHostHours()).isCloseTo(360.0 / 3600, TIGHT); // 0.1 host-h

    // Imbalance: sigma 0.4 for 20 s (as above); {0.5, 1.25}: mean 0.875, sigma 0.375, for 360 s.
    double imbalanceSeconds = 0.4 * 20 + 0.375 * 360; // 8 + 135 = 143
    assertThat(r.imbalanceHours()).isCloseTo(imbalanceSeconds / 3600, TIGHT); // 0.0397 h
    assertThat(r.meanImbalance()).isCloseTo(imbalanceSeconds / 1080, TIGHT); // 0.1324

    List<StepRecord> t = r.timeline();
    assertStep(t.get(0), 360, 2, 0.5, 0.4, 0, 1, 190 + 110);
    assertStep(t.get(1), 720, 2, 0.5, 0.0, 0, 0, 150 + 150);
    assertStep(t.get(2), 1080, 2, 0.875, 0.375, 1, 0, 150 + 200);
    assertStep(t.get(3), 1440, 2, 0.875, 0.375, 1, 0, 150 + 200);
  }

  private static void assertStep(
      StepRecord s,
      long time,
      int active,
      double meanLoad,
      double imbalance,
      int overloaded,
      int started,
      double watts) {
    assertThat(s.timeSeconds()).as("time").isEqualTo(time);
    assertThat(s.activeHosts()).as("active hosts at %d s", time).isEqualTo(active);
    assertThat(s.meanLoad()).as("mean load at %d s", time).isCloseTo(meanLoad, TIGHT);
    assertThat(s.imbalance()).as("imbalance at %d s", time).isCloseTo(imbalance, within(1e-7));
    assertThat(s.overloadedHosts()).as("overloaded at %d s", time).isEqualTo(overloaded);
    assertThat(s.migrationsStarted()).as("migrations at %d s", time).isEqualTo(started);
    assertThat(s.powerWatts()).as("power at %d s", time).isCloseTo(watts, TIGHT);
  }
}
