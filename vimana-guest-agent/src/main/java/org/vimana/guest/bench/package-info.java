/**
 * The footprint benchmark: starts agents as separate processes on unix sockets and prints startup
 * time to first answer, RSS, CPU under a 1 s push subscription, and ping and status latency, with a
 * stock qemu-ga measured in the same run as the baseline.
 */
package org.vimana.guest.bench;
