package org.vimana.api.model;

import java.time.Instant;

/**
 * The balancing daemon, as {@code GET /api/v1/balance} shows it.
 *
 * @param mode {@code off}, {@code recommend} or {@code automatic}
 * @param strategy the strategy as set ({@code equalize})
 * @param aggressiveness 1 to 5
 * @param intervalSeconds how often it plans
 * @param planner the strategy it runs, with its parameters ({@code equalize:3})
 * @param lastRunAt when it last made a plan, null if never
 * @param nextRunAt when it plans next, null while off
 * @param lastPlan the latest plan, null if none
 * @param pendingPlan the plan waiting for approval, null if none
 */
public record BalanceStatus(
    String mode,
    String strategy,
    int aggressiveness,
    long intervalSeconds,
    String planner,
    Instant lastRunAt,
    Instant nextRunAt,
    BalancePlanView lastPlan,
    BalancePlanView pendingPlan) {}
