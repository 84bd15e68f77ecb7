/**
 * The replay engine: the simulated data centre ({@link org.vimana.sim.replay.engine.World}), how
 * hosts share CPU among their VMs at an instant ({@link org.vimana.sim.replay.engine.HostStates}),
 * what is metered between instants ({@link org.vimana.sim.replay.engine.Meter}) and the time loop
 * ({@link org.vimana.sim.replay.engine.Replay}). Time is virtual: the loop jumps from one event (a
 * planning instant, a migration completing) to the next.
 */
package org.vimana.sim.replay.engine;
