package org.vimana.agent.client;

/** Told when the client (re)connects or loses its agent; called on the client's threads. */
public interface ConnectionListener {
  /** After connect or reconnect, once resynchronised and probed. */
  default void connected(AgentCapabilities capabilities) {}

  /** When the connection is lost or closed. */
  default void disconnected(String reason) {}
}
