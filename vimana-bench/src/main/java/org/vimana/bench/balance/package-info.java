/**
 * Benchmarks of the balancing strategies: the table of all strategies on the five PlanetLab days
 * beside CloudSim 4.0's reference figures ({@link org.vimana.bench.balance.StrategyTable}),
 * equalize against threshold and THR-MMT with a thrash check ({@link
 * org.vimana.bench.balance.BalanceComparison}) and plan computation time as the cluster grows
 * ({@link org.vimana.bench.balance.PlanTime}).
 */
package org.vimana.bench.balance;
