package org.vimana.manager.balance;

import java.time.Instant;

/**
 * The daemon as {@code GET /api/v1/balance} shows it.
 *
 * @param lastRunAt when it last made a plan, null if never since it started
 * @param nextRunAt when it plans next, null while off
 * @param lastPlan the latest plan recorded, null if none
 * @param pendingPlan the plan waiting for approval, null if none
 */
public record BalanceState(
    BalanceSettings settings,
    Instant lastRunAt,
    Instant nextRunAt,
    PlanRecord lastPlan,
    PlanRecord pendingPlan) {}
