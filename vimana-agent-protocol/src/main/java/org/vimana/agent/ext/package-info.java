/**
 * Vimana extensions to the guest agent protocol, all named {@code vimana-*} (commands) or {@code
 * VIMANA_*} (events) so they never collide with QEMU's: the full status snapshot, push
 * subscriptions, connectivity probes, health checks configured from the host, system settings and
 * the exec-finished push event. A stock qemu-guest-agent has none of them; the client refuses them
 * up front with a clear "unavailable on qemu-guest-agent" error.
 */
package org.vimana.agent.ext;
