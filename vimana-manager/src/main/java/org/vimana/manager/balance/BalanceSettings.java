package org.vimana.manager.balance;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.vimana.balancer.cost.AntiThrashing;
import org.vimana.balancer.cost.PreCopyCostModel;
import org.vimana.balancer.strategy.Strategies;
import org.vimana.balancer.strategy.Strategy;

/**
 * How the daemon balances. Validated on construction, so settings that exist are usable.
 *
 * @param mode off, recommend or automatic
 * @param strategy a strategy spec ({@code equalize}, {@code threshold:0.8}, {@code thr-mmt:0.8})
 * @param aggressiveness 1 to 5: the level of {@code equalize} when its spec gives none
 * @param intervalSeconds how often the daemon plans
 */
public record BalanceSettings(
    BalanceMode mode, String strategy, int aggressiveness, long intervalSeconds) {

  public static final long MIN_INTERVAL_SECONDS = 5;
  public static final long MAX_INTERVAL_SECONDS = 86_400;

  /** A target host may not be pushed above this CPU load by a move or a new VM. */
  public static final double HOT_THRESHOLD = 0.8;

  /**
   * Tuning for live clusters: QEMU's pre-copy with its 300 ms downtime target, 1 % minimum gain, 5
   * % hysteresis and a 30-minute cool-down per VM against thrashing, at most 50 moves per plan.
   */
  static final Strategies.Settings TUNING =
      new Strategies.Settings(
          PreCopyCostModel.DEFAULT, AntiThrashing.DEFAULT, HOT_THRESHOLD, 1e-4, 50, 1, false);

  /** Off, equalize at level 3 (DRS's default threshold), every 5 minutes. */
  public static final BalanceSettings DEFAULTS =
      new BalanceSettings(BalanceMode.OFF, "equalize", 3, 300);

  public BalanceSettings {
    Objects.requireNonNull(mode, "mode");
    if (strategy == null || strategy.isBlank()) {
      throw new IllegalArgumentException("strategy must not be blank");
    }
    strategy = strategy.strip().toLowerCase(Locale.ROOT);
    if (aggressiveness < 1 || aggressiveness > 5) {
      throw new IllegalArgumentException(
          "aggressiveness must be from 1 (mandatory moves only) to 5, got " + aggressiveness);
    }
    if (intervalSeconds < MIN_INTERVAL_SECONDS || intervalSeconds > MAX_INTERVAL_SECONDS) {
      throw new IllegalArgumentException(
          "intervalSeconds must be from "
              + MIN_INTERVAL_SECONDS
              + " to "
              + MAX_INTERVAL_SECONDS
              + ", got "
              + intervalSeconds);
    }
    Strategies.create(spec(strategy, aggressiveness), TUNING); // throws naming what is wrong
  }

  /**
   * These settings with the non-null values changed.
   *
   * @throws IllegalArgumentException naming the value that is wrong
   */
  public BalanceSettings with(
      String newMode, String newStrategy, Integer newAggressiveness, Long newIntervalSeconds) {
    return new BalanceSettings(
        newMode == null ? mode : BalanceMode.parse(newMode),
        newStrategy == null ? strategy : newStrategy,
        newAggressiveness == null ? aggressiveness : newAggressiveness,
        newIntervalSeconds == null ? intervalSeconds : newIntervalSeconds);
  }

  /** The spec the daemon runs: {@code equalize} gets the aggressiveness as its level. */
  public String spec() {
    return spec(strategy, aggressiveness);
  }

  public Strategy newStrategy() {
    return Strategies.create(spec(), TUNING);
  }

  public Duration interval() {
    return Duration.ofSeconds(intervalSeconds);
  }

  private static String spec(String strategy, int aggressiveness) {
    String s = strategy.strip().toLowerCase(Locale.ROOT);
    return s.equals("equalize") ? "equalize:" + aggressiveness : s;
  }
}
