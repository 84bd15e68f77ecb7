package org.vimana.guest.command;

import java.util.concurrent.ScheduledFuture;
import org.vimana.agent.wire.Event;

/** The connection a request came from, as handlers see it. */
public interface Peer {
  /** Sends an event on this connection; dropped silently once it is closed. */
  void push(Event event);

  /** Installs the connection's status subscription, cancelling any previous one; null cancels. */
  void replaceSubscription(ScheduledFuture<?> subscription);
}
