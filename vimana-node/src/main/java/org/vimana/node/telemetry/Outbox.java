package org.vimana.node.telemetry;

import org.vimana.rpc.NodeMessage;

/** Where telemetry goes: the current connection's serialized writer. */
public interface Outbox {
  /** Queues a message for the manager; dropped silently when the connection has ended. */
  void send(NodeMessage message);

  /** Whether the transport is backed up, so that droppable samples should be skipped. */
  boolean congested();
}
