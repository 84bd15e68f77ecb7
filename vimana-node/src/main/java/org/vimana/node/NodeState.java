package org.vimana.node;

/** Where a node daemon's link to the manager stands. */
public enum NodeState {
  CONNECTING,
  CONNECTED,
  /** Lost the manager; retrying with backoff. VMs keep running. */
  DISCONNECTED,
  /** The manager refused the join token; the daemon gave up. */
  REJECTED,
  CLOSED
}
