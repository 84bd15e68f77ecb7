/**
 * The node's link to the manager: {@link org.vimana.node.link.ManagerLink} keeps one gRPC stream at
 * a time, re-dialled with capped exponential backoff when lost, each new stream opening with a full
 * inventory (the resynchronisation); a {@code Stream} is one connection's serialized writer. Timers
 * and workers are shared by every daemon of the process.
 */
package org.vimana.node.link;
