/**
 * The strategies' scratch pad: a mutable copy of a snapshot in which VMs are tentatively moved,
 * with per-host sums kept up to date, and {@link org.vimana.balancer.state.MoveRules}, the one
 * place that decides whether a VM may go to a host (capacity, constraints, concurrency, cool-down).
 * Created and thrown away inside one {@code plan} call, so strategies stay pure functions.
 */
package org.vimana.balancer.state;
