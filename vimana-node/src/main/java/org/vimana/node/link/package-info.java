/**
 * The node's link to the manager: one gRPC stream at a time, re-dialled with backoff when lost,
 * each new stream opening with a full inventory (the resynchronisation).
 */
package org.vimana.node.link;
