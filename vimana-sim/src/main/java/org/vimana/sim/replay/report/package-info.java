/** Simulation output: CSV files and an SVG chart of load and imbalance over time. */
package org.vimana.sim.replay.report;
