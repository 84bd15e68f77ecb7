/**
 * The cost of a simulated live migration: {@link org.vimana.sim.migration.MigrationCostModel} turns
 * a VM's memory size, the rate at which the guest dirties memory and the link bandwidth into the
 * rounds of an iterative pre-copy migration, its total duration and its downtime. Pure functions,
 * shared by the sim driver, the balancing simulator and benchmarks.
 */
package org.vimana.sim.migration;
