package org.vimana.core.host;

/** Whether the manager can reach a host's node daemon. */
public enum HostState {
  /** The node is connected and heartbeating. */
  UP,
  /** The node missed its heartbeats or its connection dropped; its VMs are {@code UNKNOWN}. */
  DOWN
}
