package org.vimana.sim.replay;

import java.util.function.Consumer;
import org.vimana.balancer.cost.AntiThrashing;

/**
 * How the simulated world behaves and the strategy's tuning.
 *
 * @param preCopy migrations follow iterative pre-copy (with {@code dirtyRate}); false: memory sent
 *     once (CloudSim)
 * @param migrationShare share of host bandwidth migrations get (CloudSim: half)
 * @param dirtyRate fraction of memory a guest re-dirties per second
 * @param maxDowntimeSeconds pre-copy's downtime target
 * @param memoryReserved true: a running VM holds its memory on its host; false: memory is checked
 *     at the initial placement only (CloudSim, whose PlanetLab VMs declare no memory use)
 * @param initialSpread true: initial placement on the least loaded host; false: power-aware best
 *     fit by nominal size (CloudSim)
 * @param initialThreshold load limit of the initial placement (0: from the strategy: THR's
 *     threshold, 0.7 for the adaptive detectors, the hot threshold otherwise)
 * @param historyLength demand samples kept per VM for the detectors
 * @param hotThreshold the balancing strategies' hot-spot limit
 * @param costPerSecond equalize's cost per second of migration
 * @param maxMovesPerPlan equalize's cap on moves per plan
 * @param maxMigrationsPerHost concurrency limit (0: none)
 * @param antiThrashing minimum gain, hysteresis, cool-down
 * @param thrashWindowSeconds a VM moved back to a host it left less than this ago counts as
 *     thrashing in the report
 * @param retireIdleVms a VM whose demand is exactly zero at an update (two zero samples in a row)
 *     is taken as finished and leaves the data centre, as CloudSim 4.0 does (its {@code
 *     getCompletedVms}; about half the PlanetLab VMs go that way); false keeps every VM all day
 * @param chainMoves a VM the strategy moves twice in one plan migrates twice (CloudSim does);
 *     false: once, to its final host
 * @param seed for randomised strategies
 */
public record ReplaySettings(
    boolean preCopy,
    double migrationShare,
    double dirtyRate,
    double maxDowntimeSeconds,
    boolean memoryReserved,
    boolean initialSpread,
    double initialThreshold,
    int historyLength,
    double hotThreshold,
    double costPerSecond,
    int maxMovesPerPlan,
    int maxMigrationsPerHost,
    AntiThrashing antiThrashing,
    long thrashWindowSeconds,
    boolean retireIdleVms,
    boolean chainMoves,
    long seed) {

  public ReplaySettings {
    if (!(migrationShare > 0 && migrationShare <= 1)) {
      throw new IllegalArgumentException("migration share must be within (0, 1]");
    }
    if (!(dirtyRate >= 0 && dirtyRate <= 1) || !(maxDowntimeSeconds > 0)) {
      throw new IllegalArgumentException("dirty rate must be 0..1 and max downtime positive");
    }
    if (!(initialThreshold >= 0 && initialThreshold <= 1) || historyLength < 1) {
      throw new IllegalArgumentException("initial threshold 0..1, history length >= 1");
    }
    if (!(hotThreshold > 0 && hotThreshold <= 1) || !(costPerSecond >= 0)) {
      throw new IllegalArgumentException("hot threshold (0, 1], cost per second >= 0");
    }
    if (maxMovesPerPlan < 0 || maxMigrationsPerHost < 0 || thrashWindowSeconds < 0) {
      throw new IllegalArgumentException("limits must be >= 0");
    }
  }

  /** CloudSim 4.0's world: copy-once migrations at half the bandwidth, memory checked once. */
  public static ReplaySettings cloudSimCompatible() {
    return new ReplaySettings(
        false,
        0.5,
        0,
        0.3,
        false,
        false,
        0,
        30,
        0.8,
        1e-4,
        1000,
        0,
        AntiThrashing.NONE,
        3600,
        true,
        true,
        1);
  }

  public ReplaySettings withAntiThrashing(AntiThrashing value) {
    return copy(c -> c.antiThrashing = value);
  }

  public ReplaySettings withRetireIdleVms(boolean value) {
    return copy(c -> c.retireIdleVms = value);
  }

  public ReplaySettings withChainMoves(boolean value) {
    return copy(c -> c.chainMoves = value);
  }

  public ReplaySettings withMemoryReserved(boolean value) {
    return copy(c -> c.memoryReserved = value);
  }

  public ReplaySettings withMaxMigrationsPerHost(int value) {
    return copy(c -> c.maxMigrationsPerHost = value);
  }

  public ReplaySettings withHotThreshold(double value) {
    return copy(c -> c.hotThreshold = value);
  }

  /** A copy with {@code change} applied, checked by the canonical constructor like any other. */
  private ReplaySettings copy(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return c.build();
  }

  /**
   * The components as mutable fields, so that a wither names only the one it changes instead of
   * repeating all seventeen in order.
   */
  private static final class Copy {
    private final boolean preCopy;
    private final double migrationShare;
    private final double dirtyRate;
    private final double maxDowntimeSeconds;
    private boolean memoryReserved;
    private final boolean initialSpread;
    private final double initialThreshold;
    private final int historyLength;
    private double hotThreshold;
    private final double costPerSecond;
    private final int maxMovesPerPlan;
    private int maxMigrationsPerHost;
    private AntiThrashing antiThrashing;
    private final long thrashWindowSeconds;
    private boolean retireIdleVms;
    private boolean chainMoves;
    private final long seed;

    Copy(ReplaySettings s) {
      preCopy = s.preCopy;
      migrationShare = s.migrationShare;
      dirtyRate = s.dirtyRate;
      maxDowntimeSeconds = s.maxDowntimeSeconds;
      memoryReserved = s.memoryReserved;
      initialSpread = s.initialSpread;
      initialThreshold = s.initialThreshold;
      historyLength = s.historyLength;
      hotThreshold = s.hotThreshold;
      costPerSecond = s.costPerSecond;
      maxMovesPerPlan = s.maxMovesPerPlan;
      maxMigrationsPerHost = s.maxMigrationsPerHost;
      antiThrashing = s.antiThrashing;
      thrashWindowSeconds = s.thrashWindowSeconds;
      retireIdleVms = s.retireIdleVms;
      chainMoves = s.chainMoves;
      seed = s.seed;
    }

    ReplaySettings build() {
      return new ReplaySettings(
          preCopy,
          migrationShare,
          dirtyRate,
          maxDowntimeSeconds,
          memoryReserved,
          initialSpread,
          initialThreshold,
          historyLength,
          hotThreshold,
          costPerSecond,
          maxMovesPerPlan,
          maxMigrationsPerHost,
          antiThrashing,
          thrashWindowSeconds,
          retireIdleVms,
          chainMoves,
          seed);
    }
  }
}
