package org.vimana.api.model;

/**
 * Optional body of {@code POST /api/v1/balance/apply}.
 *
 * @param planId the plan to apply; null for the pending one
 */
public record BalanceApplyRequest(String planId) {}
