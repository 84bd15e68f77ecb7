/**
 * The balancing simulator: replays per-VM CPU traces in virtual time over a described data centre
 * (host types with SPECpower tables, VM types, a planning interval), runs any {@link
 * org.vimana.balancer.strategy.Strategy} through the interface the manager's daemon uses, and
 * reports energy, migrations, the SLA metrics of Beloglazov and Buyya (2012), imbalance and
 * overloaded host-time. Entry points: {@link org.vimana.sim.replay.ScenarioFile#load} and {@link
 * org.vimana.sim.replay.Simulation#run}.
 */
package org.vimana.sim.replay;
