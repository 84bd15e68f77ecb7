/**
 * Host power models: watts drawn as a function of CPU utilisation, as SPECpower_ssj2008 publishes
 * them (11 points, 0 % to 100 %). Used by power-aware placement and by the simulator's energy
 * meter.
 */
package org.vimana.balancer.power;
