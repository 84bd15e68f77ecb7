package org.vimana.manager.balance;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vimana.balancer.cost.MigrationCost;
import org.vimana.balancer.plan.Move;
import org.vimana.balancer.plan.PlanChecker;
import org.vimana.balancer.plan.Reason;
import org.vimana.balancer.plan.Verdict;
import org.vimana.manager.inventory.InventoryException;

/**
 * Carries a plan's moves out in order. Just before a move starts it is re-checked against the live
 * inventory ({@link PlanChecker}): a move made stale by a concurrent change (the VM deleted,
 * stopped, moved or migrating; the target gone, full, in maintenance, or about to become a hot
 * spot) is skipped with the reason, never forced. Moves overlap within the per-host limit: a move
 * waits while the re-check defers it, while the migration service says a host has no free slot, and
 * while a migration of this plan is still on its way to the same target (whose load the re-check
 * could not see yet). A move that waits longer than {@code maxWait} with nothing of its plan in
 * flight is skipped. Every outcome is recorded as it happens.
 */
public final class PlanExecutor {
  private final Migrations migrations;
  private final LiveSource live;
  private final PlanChecker checker;
  private final BalanceStore store;
  private final Clock clock;
  private final Duration poll;
  private final long maxWaits;

  /** The state of one plan being carried out. */
  private final class Run {
    PlanRecord plan;
    final List<MoveRecord> moves;
    final Map<String, Integer> inFlight = new HashMap<>();

    Run(PlanRecord plan) {
      this.plan = plan;
      this.moves = new ArrayList<>(plan.moves());
    }

    void set(int i, MoveRecord m) {
      moves.set(i, m);
      store.updateMove(plan.id(), m);
    }

    boolean targetBusy(String host) {
      return inFlight.values().stream().anyMatch(i -> moves.get(i).targetHost().equals(host));
    }
  }

  /**
   * @param poll how often running migrations are polled
   * @param maxWait how long a deferred move may wait with nothing of its plan in flight
   */
  public PlanExecutor(
      Migrations migrations,
      LiveSource live,
      PlanChecker checker,
      BalanceStore store,
      Clock clock,
      Duration poll,
      Duration maxWait) {
    this.migrations = migrations;
    this.live = live;
    this.checker = checker;
    this.store = store;
    this.clock = clock;
    this.poll = poll;
    this.maxWaits = Math.max(1, maxWait.toMillis() / Math.max(1, poll.toMillis()));
  }

  /**
   * Applies a plan that is recorded as applying; returns it once every move has ended.
   *
   * @throws InterruptedException when the manager stops meanwhile; the plan is then recorded as
   *     interrupted
   */
  public PlanRecord execute(PlanRecord plan) throws InterruptedException {
    Run run = new Run(plan);
    try {
      int head = 0;
      long waits = 0;
      while (head < run.moves.size()) {
        reap(run);
        String wait = tryStart(run, head);
        if (wait == null) {
          head++;
          waits = 0;
        } else if (!run.inFlight.isEmpty()) {
          awaitAny(run);
        } else if (++waits > maxWaits) {
          skip(run, head, "deferred for too long: " + wait);
          head++;
          waits = 0;
        } else {
          Thread.sleep(poll.toMillis());
        }
      }
      while (!run.inFlight.isEmpty()) {
        awaitAny(run);
      }
      return finish(run, PlanStatus.DONE, summary(run));
    } catch (InterruptedException e) {
      for (int i = 0; i < run.moves.size(); i++) {
        if (run.moves.get(i).outcome() == MoveOutcome.PLANNED) {
          skip(run, i, "the manager stopped before this move started");
        }
      }
      finish(run, PlanStatus.INTERRUPTED, "the manager stopped while applying: " + summary(run));
      throw e;
    }
  }

  /** Starts or drops move {@code i}; returns null when it has, else why it must wait. */
  private String tryStart(Run run, int i) {
    MoveRecord m = run.moves.get(i);
    LiveCluster now = live.now();
    String gone = now.excluded().get(m.vmName());
    if (gone != null) {
      return skip(run, i, "stale: vm " + m.vmName() + " " + gone);
    }
    if (now.vmId(m.vmName()).filter(id -> !id.equals(m.vmId())).isPresent()) {
      return skip(run, i, "stale: vm " + m.vmName() + " is another VM now (deleted, re-created)");
    }
    Verdict v = checker.recheck(move(m), now.snapshot());
    switch (v.kind()) {
      case STALE, INFEASIBLE -> {
        return skip(run, i, v.kind().name().toLowerCase(Locale.ROOT) + ": " + v.reason());
      }
      case DEFER -> {
        return v.reason();
      }
      case OK -> {
        // fall through to the start below
      }
    }
    if (run.targetBusy(m.targetHost())) {
      return "a migration of this plan is still on its way to " + m.targetHost();
    }
    String id;
    try {
      id = migrations.start(m.vmId(), m.targetHost());
    } catch (InventoryException e) {
      if (e.kind() == InventoryException.Kind.CONFLICT) {
        return e.getMessage(); // a host has no free slot, or the VM is moving: re-check later
      }
      return skip(run, i, "refused by the migration pre-checks: " + e.getMessage());
    } catch (RuntimeException e) {
      run.set(i, m.ended(MoveOutcome.FAILED, "could not start: " + e, clock.instant()));
      return null;
    }
    run.set(i, m.running(id, clock.instant()));
    run.inFlight.put(id, i);
    return null;
  }

  private String skip(Run run, int i, String why) {
    run.set(i, run.moves.get(i).ended(MoveOutcome.SKIPPED, why, clock.instant()));
    return null;
  }

  private void awaitAny(Run run) throws InterruptedException {
    while (!reap(run)) {
      Thread.sleep(poll.toMillis());
    }
  }

  /** Records the migrations of this plan that have ended; returns whether any had. */
  private boolean reap(Run run) {
    boolean any = false;
    for (var it = run.inFlight.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      var outcome = migrations.outcome(e.getKey());
      if (outcome.isPresent()) {
        MoveOutcome o = outcome.get().succeeded() ? MoveOutcome.DONE : MoveOutcome.FAILED;
        MoveRecord m = run.moves.get(e.getValue());
        run.set(e.getValue(), m.ended(o, outcome.get().message(), clock.instant()));
        it.remove();
        any = true;
      }
    }
    return any;
  }

  private PlanRecord finish(Run run, PlanStatus status, String message) {
    PlanRecord p = run.plan;
    PlanRecord ended =
        new PlanRecord(
            p.id(),
            p.createdAt(),
            p.trigger(),
            p.mode(),
            p.strategy(),
            status,
            p.imbalance(),
            p.notes(),
            run.moves,
            p.appliedAt(),
            clock.instant(),
            message);
    store.updatePlan(ended);
    run.plan = ended;
    return ended;
  }

  private static String summary(Run run) {
    long done = run.moves.stream().filter(m -> m.outcome() == MoveOutcome.DONE).count();
    long skipped = run.moves.stream().filter(m -> m.outcome() == MoveOutcome.SKIPPED).count();
    long failed = run.moves.stream().filter(m -> m.outcome() == MoveOutcome.FAILED).count();
    return done + " done, " + skipped + " skipped, " + failed + " failed";
  }

  private static Move move(MoveRecord m) {
    return new Move(
        m.vmName(),
        m.sourceHost(),
        m.targetHost(),
        Reason.valueOf(m.reason().toUpperCase(Locale.ROOT)),
        m.detail(),
        m.expectedGain(),
        new MigrationCost(m.estimatedSeconds(), 0, 0));
  }
}
