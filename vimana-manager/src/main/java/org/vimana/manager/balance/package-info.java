/**
 * The balancing daemon: it keeps a short CPU and memory history of every VM from the figures the
 * nodes report, turns the inventory into a cluster snapshot (hosts, VMs, constraints from tags),
 * runs the configured strategy of {@code vimana-balancer}, records each plan and, in automatic mode
 * or once approved, carries its moves out through the migration service, re-checking each move
 * against the live inventory just before it starts. Also answers where a new VM would go.
 */
package org.vimana.manager.balance;
