package org.vimana.node.link;

import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.vimana.rpc.NodeMessage;

/**
 * One connection to the manager. Writes are serialized because a gRPC StreamObserver is not
 * thread-safe; a write to a stream that already ended is dropped (the next Hello resyncs).
 */
final class Stream {
  private StreamObserver<NodeMessage> out;
  private boolean ended;
  private final List<ScheduledFuture<?>> timers = new ArrayList<>();

  synchronized void attach(StreamObserver<NodeMessage> out) {
    this.out = out;
  }

  synchronized boolean send(NodeMessage message) {
    if (ended || out == null) {
      return false;
    }
    try {
      out.onNext(message);
      return true;
    } catch (RuntimeException e) {
      ended = true;
      return false;
    }
  }

  synchronized void addTimer(ScheduledFuture<?> timer) {
    if (ended) {
      timer.cancel(false);
    } else {
      timers.add(timer);
    }
  }

  /** Ends the stream from our side (if still open) and stops its timers. */
  synchronized void end(boolean closeCall) {
    if (!ended && closeCall && out != null) {
      try {
        out.onCompleted();
      } catch (RuntimeException ignored) {
        // Already closed by the transport.
      }
    }
    ended = true;
    timers.forEach(t -> t.cancel(false));
    timers.clear();
  }

  synchronized boolean ended() {
    return ended;
  }
}
