package org.vimana.bench.balance;

import java.nio.file.Path;
import org.vimana.sim.replay.Simulation;

/**
 * How many hosts the comparison gives a day: the fewest, in steps of 50 from 400, that hold its VMs
 * by nominal size. Every day then runs at a comparable density (2.2 to 2.6 VMs per host), a world
 * where balancing has work; doubling to 800 when 400 were too few put 20110325's 1,078 VMs at 1.35
 * per host, where almost all of the imbalance is one large VM alone on a host.
 */
final class HostCount {

  static final int FIRST = 400;
  static final int STEP = 50;
  static final int MOST = 800;

  private HostCount() {}

  static int fewest(Path folder, String day) {
    for (int hosts = FIRST; hosts <= MOST; hosts += STEP) {
      if (fits(folder, day, hosts)) {
        return hosts;
      }
    }
    throw new IllegalStateException(
        day + "'s VMs fit on no data centre of up to " + MOST + " hosts");
  }

  /** Whether the initial placement by nominal size finds a host for every VM. */
  private static boolean fits(Path folder, String day, int hosts) {
    try {
      // The baseline that moves nothing: a run costs the placement and one replay, about 0.2 s.
      Simulation.run(BalanceComparison.scenario(folder, day, "equalize:1", hosts));
      return true;
    } catch (IllegalStateException e) {
      if (e.getMessage() != null && e.getMessage().contains("fits on no host")) {
        return false;
      }
      throw e;
    }
  }
}
