package org.vimana.balancer.strategy;

import java.util.PriorityQueue;
import org.vimana.balancer.cost.MigrationCostModel;
import org.vimana.balancer.state.MoveRules;
import org.vimana.balancer.state.WorkingState;

/**
 * Equalize's search for the next move: the best move of each host above the mean load (each of its
 * movable VMs to each of the coolest hosts), kept in a queue by net gain and re-scored lazily — the
 * head is re-evaluated on the current state and taken only if it still beats the next stored score;
 * otherwise it goes back with its new score. After a move only the two hosts it touched change, so
 * a plan of k moves costs about k re-scorings of one host instead of k scans of the cluster.
 *
 * <p>Net gain, in host-equivalents: {@code N x (imbalance before - after) x (1 - T / horizon) -
 * costPerSecond x T}, where T is the migration's duration from the cost model (the move helps only
 * once it has finished, and only for as long as the horizon) and N the number of hosts balanced
 * over, so the same gain means the same on 3 hosts as on 3,000.
 */
final class MoveSearch {

  /**
   * Targets tried for each VM: the coolest hosts that may take it, at most this many. Moving load
   * to a cooler host reduces the CPU variance more, so the best target is nearly always among the
   * first few; a few more leave room for the memory term.
   */
  static final int TARGETS = 8;

  /** Coolest hosts looked at for each VM, to find {@link #TARGETS} that may take it. */
  static final int SCANNED_TARGETS = 64;

  /** A scored move. */
  record Candidate(int vm, int source, int target, double after, double net, double seconds) {}

  private record Entry(int source, double net) {}

  private final WorkingState state;
  private final MoveRules rules;
  private final LoadBalance balance;
  private final MigrationCostModel costModel;
  private final double hotThreshold;
  private final double costPerSecond;
  private final double horizonSeconds;
  private final CoolOrder cool;
  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>((a, b) -> Double.compare(b.net(), a.net()));
  private boolean scanned;

  MoveSearch(
      MoveRules rules,
      LoadBalance balance,
      MigrationCostModel costModel,
      double hotThreshold,
      double costPerSecond,
      double horizonSeconds) {
    this.state = rules.state();
    this.rules = rules;
    this.balance = balance;
    this.costModel = costModel;
    this.hotThreshold = hotThreshold;
    this.costPerSecond = costPerSecond;
    this.horizonSeconds = horizonSeconds;
    this.cool = new CoolOrder(balance, state.hostCount());
    scan();
  }

  /** Scores every host above the mean afresh. */
  private void scan() {
    queue.clear();
    for (int h = 0; h < state.hostCount(); h++) {
      if (aboveMean(h)) {
        Candidate c = best(h);
        if (c != null) {
          queue.add(new Entry(h, c.net()));
        }
      }
    }
    scanned = true;
  }

  /**
   * The best move now whose net gain is at least {@code minGain}, or null when there is none. A
   * host whose best move fell below the minimum leaves the queue, but moves elsewhere can raise its
   * gain again (imbalance shrinks, so the same shift is worth more), so before answering null the
   * search scans every host once more: null means no host has a move worth {@code minGain}.
   */
  Candidate next(double minGain) {
    while (true) {
      while (!queue.isEmpty()) {
        Entry head = queue.poll();
        Candidate c = best(head.source());
        if (c == null || c.net() < minGain) {
          continue;
        }
        Entry runnerUp = queue.peek();
        if (runnerUp == null || c.net() >= runnerUp.net()) {
          return c;
        }
        queue.add(new Entry(head.source(), c.net()));
      }
      if (scanned) {
        return null;
      }
      scan();
    }
  }

  /** Tells the search a move was made (the state and the balance already reflect it). */
  void moved(Candidate c) {
    scanned = false;
    cool.update(c.source(), c.target());
    queue.add(new Entry(c.source(), Double.POSITIVE_INFINITY));
    if (aboveMean(c.target())) {
      queue.add(new Entry(c.target(), Double.POSITIVE_INFINITY));
    }
  }

  private boolean aboveMean(int h) {
    return balance.member(h)
        && (balance.cpu(h) > balance.meanCpu() || balance.mem(h) > balance.meanMem());
  }

  /** The best move off host {@code s}, or null when none is allowed. */
  Candidate best(int s) {
    double before = balance.imbalance();
    double sourceLoad = balance.cpu(s);
    Candidate best = null;
    int[] one = new int[1];
    for (int v : state.vmsOn(s)) {
      if (!rules.movable(v, false)) {
        continue;
      }
      one[0] = v;
      var vm = state.vm(v);
      var sameLink = costModel.estimate(vm, state.host(s), state.host(s)).seconds();
      int feasible = 0;
      for (int j = 0; j < Math.min(SCANNED_TARGETS, cool.size()) && feasible < TARGETS; j++) {
        int t = cool.get(j);
        if (t == s) {
          continue;
        }
        double targetAfter = balance.cpuWith(one, t);
        if (targetAfter > hotThreshold
            || targetAfter >= sourceLoad
            || balance.cpuNowWith(one, t) > hotThreshold
            || !rules.canHost(v, t)) {
          continue;
        }
        feasible++;
        double seconds =
            state.host(t).migrationBandwidthMibps() < state.host(s).migrationBandwidthMibps()
                ? costModel.estimate(vm, state.host(s), state.host(t)).seconds()
                : sameLink;
        double after = balance.imbalanceAfter(v, s, t);
        double lasting = Math.max(0, 1 - seconds / horizonSeconds);
        double net = balance.size() * (before - after) * lasting - costPerSecond * seconds;
        if (best == null || net > best.net()) {
          best = new Candidate(v, s, t, after, net, seconds);
        }
      }
    }
    return best;
  }
}
