package org.vimana.node.link;

import io.grpc.stub.ClientCallStreamObserver;
import java.util.ArrayDeque;
import java.util.Queue;
import org.vimana.node.telemetry.Outbox;
import org.vimana.node.telemetry.Telemetry;
import org.vimana.rpc.NodeMessage;

/**
 * One connection to the manager and its serialized writer (a gRPC StreamObserver is not
 * thread-safe). Messages sent before the Hello went out (events seen while the inventory was being
 * listed) wait and follow it; a write to a stream that has ended is dropped, since the next Hello
 * resynchronises the manager.
 */
final class Stream implements Outbox {
  /** Events that may wait for the Hello; more are dropped (the Hello's inventory covers them). */
  private static final int MAX_WAITING = 10_000;

  private final Queue<NodeMessage> waiting = new ArrayDeque<>();
  private ClientCallStreamObserver<NodeMessage> out;
  private boolean ended;
  private Telemetry telemetry;

  /** Sends the Hello on the call just started, then whatever waited for it. */
  synchronized void open(ClientCallStreamObserver<NodeMessage> call, NodeMessage hello) {
    if (ended) {
      call.cancel("the link was closed before it opened", null);
      return;
    }
    out = call;
    write(hello);
    while (!ended && !waiting.isEmpty()) {
      write(waiting.remove());
    }
    waiting.clear();
  }

  @Override
  public synchronized void send(NodeMessage message) {
    if (ended) {
      return;
    }
    if (out == null) {
      if (waiting.size() < MAX_WAITING) {
        waiting.add(message);
      }
      return;
    }
    write(message);
  }

  @Override
  public synchronized boolean congested() {
    return out != null && !ended && !out.isReady();
  }

  private void write(NodeMessage message) {
    try {
      out.onNext(message);
    } catch (RuntimeException e) {
      // The call is already closed; the observer's onError/onCompleted reports why.
      end();
    }
  }

  /** Replaces this connection's heartbeat and stats sender (a repeated Welcome may change them). */
  synchronized void telemetry(Telemetry t) {
    if (telemetry != null) {
      telemetry.close();
    }
    if (ended) {
      t.close();
    } else {
      telemetry = t;
    }
  }

  /** The manager ended the call: stop writing and half-close our side. */
  synchronized void finished() {
    if (!ended && out != null) {
      try {
        out.onCompleted();
      } catch (RuntimeException ignored) {
        // The transport closed it already.
      }
    }
    end();
  }

  /** We leave: half-close so the manager sees a clean end; {@link #cancel} follows if needed. */
  synchronized void close() {
    finished();
  }

  /** Tears the call down if the manager never answered our half-close. */
  synchronized void cancel(String why) {
    end();
    if (out != null) {
      try {
        out.cancel(why, null);
      } catch (RuntimeException ignored) {
        // Already closed.
      }
    }
  }

  synchronized boolean ended() {
    return ended;
  }

  private void end() {
    ended = true;
    waiting.clear();
    if (telemetry != null) {
      telemetry.close();
      telemetry = null;
    }
  }
}
