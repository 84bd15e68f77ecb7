/**
 * Builds the vimana-status snapshot from the collectors and turns cumulative counters into rates
 * and percentages against the previous sample (one shared previous sample per agent).
 */
package org.vimana.guest.status;
