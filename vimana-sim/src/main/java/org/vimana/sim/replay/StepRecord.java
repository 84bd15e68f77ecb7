package org.vimana.sim.replay;

/**
 * The data centre at one planning instant.
 *
 * @param timeSeconds since the start of the trace
 * @param activeHosts hosts delivering CPU
 * @param meanLoad mean CPU demand over capacity of the active hosts
 * @param imbalance standard deviation of that load over the active hosts
 * @param overloadedHosts hosts asked for more CPU than they have
 * @param migrationsStarted migrations the plan started
 * @param powerWatts data-centre power draw
 * @param planMillis time the strategy took to plan
 */
public record StepRecord(
    long timeSeconds,
    int activeHosts,
    double meanLoad,
    double imbalance,
    int overloadedHosts,
    int migrationsStarted,
    double powerWatts,
    double planMillis) {}
