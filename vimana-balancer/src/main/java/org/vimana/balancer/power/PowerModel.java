package org.vimana.balancer.power;

/** Power drawn by a host that is on, as a function of its CPU utilisation. */
public interface PowerModel {

  /** A short name (for reports and scenario files). */
  String name();

  /**
   * Watts at {@code utilisation} (0..1; values a little above 1 from rounding are read as 1).
   *
   * @throws IllegalArgumentException for a negative or NaN utilisation, or one clearly above 1
   */
  double watts(double utilisation);

  /** Watts of an idle host that is on. */
  default double idleWatts() {
    return watts(0);
  }

  /** Watts at full load. */
  default double maxWatts() {
    return watts(1);
  }
}
