/**
 * The balancing strategies behind one interface, {@link org.vimana.balancer.strategy.Strategy}:
 * {@link org.vimana.balancer.strategy.Equalize} (minimise imbalance, like vSphere DRS), {@link
 * org.vimana.balancer.strategy.ThresholdStrategy} (shed load above a threshold, like OpenStack
 * Watcher's workload_balance) and {@link org.vimana.balancer.strategy.consolidation.Consolidation}
 * (Beloglazov and Buyya's dynamic consolidation); {@link org.vimana.balancer.strategy.Strategies}
 * builds one from a short spec such as {@code thr-mmt:0.8} or {@code equalize:3}.
 */
package org.vimana.balancer.strategy;
