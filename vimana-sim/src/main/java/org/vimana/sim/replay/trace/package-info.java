/**
 * Per-VM CPU traces and their readers: the PlanetLab format (a folder per day, a file per VM, one
 * integer percentage per line every 5 minutes) and a CSV format of per-VM series (see {@link
 * org.vimana.sim.replay.trace.CsvTraces}).
 */
package org.vimana.sim.replay.trace;
