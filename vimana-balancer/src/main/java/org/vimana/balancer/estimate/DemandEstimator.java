package org.vimana.balancer.estimate;

import java.util.Locale;
import org.vimana.balancer.snapshot.VmLoad;

/**
 * Estimates a VM's CPU demand over the next planning horizon from its {@link
 * org.vimana.balancer.snapshot.DemandHistory}. Sample 0 of a history is the current one (as the
 * manager and the simulator build them); a VM without history is estimated at its demand now.
 */
public interface DemandEstimator {

  /** Estimated demand as a fraction of the VM's own capacity ({@link VmLoad#mips()}). */
  double fraction(VmLoad vm);

  /** Estimated demand in MIPS. */
  default double mips(VmLoad vm) {
    return fraction(vm) * vm.mips();
  }

  /** Short name as {@link #parse} reads it: {@code last}, {@code ewma6}, {@code p80}. */
  String name();

  /** The demand now: no smoothing (what threshold and consolidation act on). */
  DemandEstimator LAST = new LastSample();

  /**
   * Reads {@code last}, {@code ewmaH} (half-life of H samples, e.g. {@code ewma6}) or {@code pP}
   * (P-th percentile of the last {@link RecentPercentile#WINDOW} samples, e.g. {@code p80}).
   *
   * @throws IllegalArgumentException naming the spec
   */
  static DemandEstimator parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.equals("last")) {
        return LAST;
      }
      if (s.startsWith("ewma")) {
        return new Ewma(Double.parseDouble(s.substring(4)));
      }
      if (s.startsWith("p")) {
        return new RecentPercentile(Double.parseDouble(s.substring(1)), RecentPercentile.WINDOW);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "demand estimator '" + spec + "': expected last, ewmaH or pP (e.g. ewma6, p80)", e);
    }
    throw new IllegalArgumentException(
        "unknown demand estimator '" + spec + "': expected last, ewmaH or pP (e.g. ewma6, p80)");
  }
}
