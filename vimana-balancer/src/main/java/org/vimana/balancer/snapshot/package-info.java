/**
 * What a strategy sees: hosts with their capacities and measured load, VMs with their demand and
 * demand history, the constraints that every move must honour, and the time of the snapshot.
 * Immutable; built by the manager from live statistics or by the simulator from a trace.
 */
package org.vimana.balancer.snapshot;
