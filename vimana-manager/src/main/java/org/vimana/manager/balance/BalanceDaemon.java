package org.vimana.manager.balance;

import static org.vimana.manager.inventory.InventoryException.Kind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vimana.manager.inventory.InventoryException;
import org.vimana.manager.node.LiveHosts;

/**
 * The balancing daemon. Every {@code interval} (and whenever asked) it makes a plan with the
 * configured strategy and records it: while off a plan asked for is only advice; in recommend mode
 * it waits for approval ({@link #apply}); in automatic mode it is applied at once. One plan is
 * applied at a time, on the worker thread; a new plan replaces (supersedes) one still waiting. The
 * timer thread also samples the nodes' live figures into the demand history. It owns both threads.
 */
public final class BalanceDaemon implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BalanceDaemon.class);

  private final BalanceStore store;
  private final Planner planner;
  private final PlanExecutor executor;
  private final DemandRecorder demand;
  private final LiveHosts live;
  private final Clock clock;
  private final Duration sampleInterval;
  private final ScheduledExecutorService timer;
  private final ExecutorService worker;

  private BalanceSettings settings = BalanceSettings.DEFAULTS;
  private String pendingId;
  private String applyingId;
  private Instant lastRunAt;
  private Instant nextRunAt;
  private ScheduledFuture<?> nextTick;

  /**
   * @param sampleInterval how often the nodes' figures are sampled (their stats interval)
   * @param timer runs the periodic plans and the sampling
   * @param worker applies plans, one at a time
   */
  public BalanceDaemon(
      BalanceStore store,
      Planner planner,
      PlanExecutor executor,
      DemandRecorder demand,
      LiveHosts live,
      Clock clock,
      Duration sampleInterval,
      ScheduledExecutorService timer,
      ExecutorService worker) {
    this.store = store;
    this.planner = planner;
    this.executor = executor;
    this.demand = demand;
    this.live = live;
    this.clock = clock;
    this.sampleInterval = sampleInterval;
    this.timer = timer;
    this.worker = worker;
  }

  /** Loads the saved settings, settles plans a previous run left behind, starts the timer. */
  public synchronized void start() {
    try {
      settings = store.settings().orElse(BalanceSettings.DEFAULTS);
    } catch (IllegalArgumentException e) {
      log.warn("saved balance settings are not usable ({}); using the defaults", e.getMessage());
    }
    for (PlanRecord p : store.withStatus(PlanStatus.APPLYING)) {
      store.updatePlan(
          p.with(
              PlanStatus.INTERRUPTED,
              p.appliedAt(),
              clock.instant(),
              "the manager stopped while applying this plan"));
    }
    List<PlanRecord> pending = store.withStatus(PlanStatus.PENDING);
    for (int i = 1; i < pending.size(); i++) {
      supersede(pending.get(i), pending.get(0).id());
    }
    pendingId = pending.isEmpty() ? null : pending.get(0).id();
    long every = Math.max(1, sampleInterval.toMillis());
    ScheduledFuture<?> unused =
        timer.scheduleAtFixedRate(this::sample, every, every, TimeUnit.MILLISECONDS);
    scheduleTick();
  }

  public synchronized BalanceState state() {
    PlanRecord last = store.recent(1).stream().findFirst().orElse(null);
    PlanRecord pending = pendingId == null ? null : store.find(pendingId).orElse(null);
    Instant lastRun = lastRunAt != null || last == null ? lastRunAt : last.createdAt();
    return new BalanceState(
        settings, lastRun, settings.mode() == BalanceMode.OFF ? null : nextRunAt, last, pending);
  }

  /**
   * Changes the settings (null values keep theirs) and restarts the period.
   *
   * @throws InventoryException {@code INVALID} naming the value that is wrong
   */
  public synchronized BalanceState update(
      String mode, String strategy, Integer aggressiveness, Long intervalSeconds) {
    BalanceSettings next;
    try {
      next = settings.with(mode, strategy, aggressiveness, intervalSeconds);
    } catch (IllegalArgumentException e) {
      throw new InventoryException(Kind.INVALID, e.getMessage());
    }
    store.saveSettings(next, clock.instant());
    settings = next;
    scheduleTick();
    return state();
  }

  /** Makes a plan now: advice while off, pending in recommend mode, applied in automatic mode. */
  public synchronized PlanRecord planNow() {
    if (applyingId != null && settings.mode() == BalanceMode.AUTOMATIC) {
      throw new InventoryException(
          Kind.CONFLICT, "plan " + applyingId + " is still being applied; try again when it ends");
    }
    return decide(Trigger.ON_DEMAND);
  }

  /**
   * Approves a plan ({@code planId} null: the pending one); it is applied in the background.
   *
   * @throws InventoryException when there is no such plan, it cannot be applied, or another plan is
   *     being applied
   */
  public synchronized PlanRecord apply(String planId) {
    String id = planId == null || planId.isBlank() ? pendingId : planId;
    if (id == null) {
      throw new InventoryException(
          Kind.CONFLICT,
          "no plan waits for approval; make one with POST /api/v1/balance/plan"
              + " (vimana balance plan)");
    }
    PlanRecord plan = find(id);
    if (applyingId != null) {
      throw new InventoryException(
          Kind.CONFLICT, "plan " + applyingId + " is being applied; try again when it ends");
    }
    if (!plan.status().applicable()) {
      throw new InventoryException(
          Kind.INVALID_STATE,
          "plan "
              + id
              + " is "
              + plan.status().wireName()
              + "; only a pending, advisory or superseded plan can be applied");
    }
    PlanRecord applying =
        plan.with(PlanStatus.APPLYING, clock.instant(), null, "approved; applying");
    store.updatePlan(applying);
    if (id.equals(pendingId)) {
      pendingId = null;
    }
    launch(applying);
    return applying;
  }

  public PlanRecord find(String id) {
    return store
        .find(id)
        .orElseThrow(() -> new InventoryException(Kind.NOT_FOUND, "no balance plan '" + id + "'"));
  }

  /** Recorded plans, newest first. */
  public List<PlanRecord> history(int limit) {
    return store.recent(limit);
  }

  private PlanRecord decide(Trigger trigger) {
    // The freshest figures, not the sampler's last tick: a plan asked for right after a load
    // change (or right after start) must see it.
    sample();
    BalanceMode mode = settings.mode();
    PlanStatus ifMoves =
        switch (mode) {
          case OFF -> PlanStatus.ADVISORY;
          case RECOMMEND -> PlanStatus.PENDING;
          case AUTOMATIC -> PlanStatus.APPLYING;
        };
    PlanRecord made = planner.plan(settings, trigger, mode, ifMoves);
    PlanRecord plan =
        made.status() == PlanStatus.APPLYING
            ? made.with(PlanStatus.APPLYING, clock.instant(), null, made.message())
            : made;
    store.insert(plan);
    lastRunAt = plan.createdAt();
    if (mode != BalanceMode.OFF && pendingId != null) {
      store.find(pendingId).ifPresent(old -> supersede(old, plan.id()));
      pendingId = null;
    }
    if (plan.status() == PlanStatus.PENDING) {
      pendingId = plan.id();
    } else if (plan.status() == PlanStatus.APPLYING) {
      launch(plan);
    }
    return plan;
  }

  private void supersede(PlanRecord old, String byId) {
    store.updatePlan(
        old.with(PlanStatus.SUPERSEDED, null, clock.instant(), "superseded by plan " + byId));
  }

  private void launch(PlanRecord plan) {
    applyingId = plan.id();
    try {
      worker.execute(() -> run(plan));
    } catch (RejectedExecutionException e) {
      applyingId = null;
      store.updatePlan(
          plan.with(PlanStatus.INTERRUPTED, null, clock.instant(), "the manager is stopping"));
    }
  }

  private void run(PlanRecord plan) {
    try {
      PlanRecord done = executor.execute(plan);
      log.info("balance plan {} ({}): {}", plan.id(), plan.strategy(), done.message());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("balance plan {} failed", plan.id(), e);
      store.updatePlan(
          plan.with(PlanStatus.INTERRUPTED, plan.appliedAt(), clock.instant(), "failed: " + e));
    } finally {
      synchronized (this) {
        applyingId = null;
      }
    }
  }

  private void tick() {
    try {
      synchronized (this) {
        if (settings.mode() != BalanceMode.OFF && applyingId == null) {
          decide(Trigger.PERIODIC);
        }
      }
    } catch (RuntimeException e) {
      log.warn("periodic balance plan failed: {}", e.toString());
    } catch (Error e) {
      // The scheduler would keep it in a future nobody reads: say so, then let it propagate.
      log.error("periodic balance plan failed", e);
      throw e;
    } finally {
      scheduleTick();
    }
  }

  private void sample() {
    try {
      demand.sample(live.all());
    } catch (RuntimeException e) {
      log.warn("sampling live figures failed: {}", e.toString());
    }
  }

  private synchronized void scheduleTick() {
    if (nextTick != null) {
      nextTick.cancel(false);
    }
    nextRunAt = clock.instant().plus(settings.interval());
    try {
      nextTick = timer.schedule(this::tick, settings.intervalSeconds(), TimeUnit.SECONDS);
    } catch (RejectedExecutionException e) {
      nextTick = null; // closing
    }
  }

  /** Stops the timer and interrupts a plan being applied (it is recorded as interrupted). */
  @Override
  public void close() {
    timer.shutdownNow();
    worker.shutdownNow();
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("the balance worker did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
