/**
 * The {@code sim} hypervisor driver: {@link org.vimana.sim.SimHypervisor} simulates one host with
 * its VMs (lifecycle state machine, workload-driven utilisation, persistence, live migration) on a
 * {@link org.vimana.sim.time.SimScheduler}, so the same model runs in real time under a node daemon
 * and in virtual time under tests, the balancing simulator and benchmarks. {@link
 * org.vimana.sim.SimHypervisorProvider} registers it as driver "sim"; {@link
 * org.vimana.sim.SimFabric} connects hosts of one process for migration.
 */
package org.vimana.sim;
