/**
 * Connectivity probes (TCP connect, DNS resolve, ICMP echo, HTTP GET with latency) and the
 * application health checks the host configures, built on the probes.
 */
package org.vimana.guest.probe;
