/**
 * The cluster-scale benchmark: one manager process, many sim hosts multiplexed in a few node
 * processes, and an API client measuring create throughput and read latency.
 */
package org.vimana.bench.cluster;
