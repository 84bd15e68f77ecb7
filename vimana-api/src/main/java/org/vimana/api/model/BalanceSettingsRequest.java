package org.vimana.api.model;

/**
 * Body of {@code PUT /api/v1/balance}; a null field keeps its current value.
 *
 * @param mode {@code off}, {@code recommend} (plans wait for approval) or {@code automatic}
 * @param strategy a strategy spec: {@code equalize}, {@code threshold:0.8}, {@code thr-mmt:0.8},
 *     ...
 * @param aggressiveness 1 (mandatory moves only) to 5, the level of {@code equalize} when the spec
 *     names none
 * @param intervalSeconds how often the daemon plans, 5 to 86,400
 */
public record BalanceSettingsRequest(
    String mode, String strategy, Integer aggressiveness, Long intervalSeconds) {}
