/**
 * The host-side agent client: one persistent connection per guest over a unix or TCP socket (QEMU
 * exposes a virtio-serial port as a unix socket on the host), with request multiplexing by id,
 * per-request timeouts, pushed events dispatched to listeners, guest-sync-delimited
 * resynchronisation on every (re)connect, and a capability probe that tells a Vimana agent from a
 * stock qemu-guest-agent. Every failure is an {@link org.vimana.agent.client.AgentException} whose
 * {@link org.vimana.agent.client.AgentException.Kind} says whether the agent is unreachable, slow,
 * blocked the command by policy, lacks it, or rejected its arguments.
 */
package org.vimana.agent.client;
