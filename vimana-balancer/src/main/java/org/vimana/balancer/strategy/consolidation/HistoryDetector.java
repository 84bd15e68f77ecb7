package org.vimana.balancer.strategy.consolidation;

import org.vimana.balancer.state.WorkingState;

/**
 * A detector that judges a host by its utilisation history (as CloudSim reconstructs it from the
 * VMs on it) and leaves the decision to a fallback detector while that history is too short, or
 * when the history cannot decide (a degenerate regression).
 */
abstract class HistoryDetector implements OverloadDetector {

  /** What the history says. */
  enum Call {
    OVERLOADED,
    NOT_OVERLOADED,
    UNDECIDED;

    static Call of(boolean overloaded) {
      return overloaded ? OVERLOADED : NOT_OVERLOADED;
    }
  }

  private final OverloadDetector fallback;

  HistoryDetector(OverloadDetector fallback) {
    this.fallback = fallback;
  }

  /** Samples needed before the history is used. */
  abstract int samplesNeeded();

  /**
   * Judges host {@code h} (with VM {@code extra} added, unless -1) from {@code history}, most
   * recent first, at least {@link #samplesNeeded()} long.
   */
  abstract Call judge(WorkingState state, int h, int extra, double[] history);

  @Override
  public final boolean overloaded(WorkingState state, int h) {
    return decide(state, h, -1);
  }

  @Override
  public final boolean overloadedWith(WorkingState state, int h, int v) {
    return decide(state, h, v);
  }

  private boolean decide(WorkingState state, int h, int extra) {
    double[] history = state.hostHistory(h, extra);
    Call call = history.length < samplesNeeded() ? Call.UNDECIDED : judge(state, h, extra, history);
    if (call != Call.UNDECIDED) {
      return call == Call.OVERLOADED;
    }
    return extra < 0 ? fallback.overloaded(state, h) : fallback.overloadedWith(state, h, extra);
  }
}
