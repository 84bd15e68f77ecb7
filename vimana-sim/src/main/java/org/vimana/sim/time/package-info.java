/**
 * Time for the simulated hypervisor. Everything time-dependent in {@code org.vimana.sim} goes
 * through a {@link org.vimana.sim.time.SimScheduler}: the product runs on {@link
 * org.vimana.sim.time.RealTimeScheduler}, tests, the balancing simulator and benchmarks on {@link
 * org.vimana.sim.time.VirtualTimeScheduler}, which jumps from event to event and so runs a day of
 * simulated time in milliseconds.
 */
package org.vimana.sim.time;
