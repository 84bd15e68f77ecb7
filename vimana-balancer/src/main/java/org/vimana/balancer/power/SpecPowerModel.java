package org.vimana.balancer.power;

import java.util.Arrays;
import java.util.Objects;

/**
 * A SPECpower table: watts at 0 %, 10 %, ..., 100 % CPU utilisation, linearly interpolated in
 * between (as CloudSim's {@code PowerModelSpecPower} does).
 */
public final class SpecPowerModel implements PowerModel {

  private final String name;
  private final double[] watts;

  private SpecPowerModel(String name, double[] watts) {
    this.name = name;
    this.watts = watts;
  }

  /**
   * A table of 11 points, 0 % to 100 % in steps of 10 %.
   *
   * @throws IllegalArgumentException unless there are exactly 11 finite, non-negative,
   *     non-decreasing values
   */
  public static SpecPowerModel of(String name, double... wattsByTenth) {
    Objects.requireNonNull(name, "name");
    if (wattsByTenth.length != 11) {
      throw new IllegalArgumentException(
          "a SPECpower table has 11 points (0%..100%), got " + wattsByTenth.length);
    }
    double previous = 0;
    for (double w : wattsByTenth) {
      if (!Double.isFinite(w) || w < 0) {
        throw new IllegalArgumentException("power values must be finite and >= 0, got " + w);
      }
      if (w < previous) {
        throw new IllegalArgumentException(
            "power values must not decrease with load: " + Arrays.toString(wattsByTenth));
      }
      previous = w;
    }
    return new SpecPowerModel(name, wattsByTenth.clone());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double watts(double utilisation) {
    if (!(utilisation >= 0) || utilisation > 1.01) {
      throw new IllegalArgumentException("utilisation must be within 0..1, got " + utilisation);
    }
    double u = Math.min(utilisation, 1);
    double position = u * 10;
    int lower = (int) Math.floor(position);
    if (lower >= 10) {
      return watts[10];
    }
    double fraction = position - lower;
    return watts[lower] + (watts[lower + 1] - watts[lower]) * fraction;
  }

  /** The 11 table points. */
  public double[] table() {
    return watts.clone();
  }

  @Override
  public String toString() {
    return name + Arrays.toString(watts);
  }
}
