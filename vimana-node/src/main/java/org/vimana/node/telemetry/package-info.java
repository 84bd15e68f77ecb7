/**
 * What a node streams to the manager unasked: hypervisor events as they happen, heartbeats, and one
 * bulk stats sample per interval. It writes to an {@link org.vimana.node.telemetry.Outbox}, the
 * current connection, and knows nothing of reconnection.
 */
package org.vimana.node.telemetry;
