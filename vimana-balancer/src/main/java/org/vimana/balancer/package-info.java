/**
 * Load balancing by live migration: pure strategies that turn a {@link
 * org.vimana.balancer.snapshot.ClusterSnapshot} into a {@link org.vimana.balancer.plan.Plan}. The
 * manager's daemon and the trace-replay simulator call the same code; nothing here reads a clock,
 * touches the network or the disk.
 */
package org.vimana.balancer;
