package org.vimana.manager.node;

import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.ManagerMessage;

/**
 * One connected node: its stream (writes serialized, as gRPC requires) and the commands sent to it
 * that wait for a result.
 */
public final class NodeSession {
  private final String hostName;
  private final StreamObserver<ManagerMessage> out;
  private final Map<String, CompletableFuture<CommandResult>> pending = new ConcurrentHashMap<>();
  private String hostId;
  private boolean closed;

  NodeSession(String hostName, StreamObserver<ManagerMessage> out) {
    this.hostName = hostName;
    this.out = out;
  }

  public String hostName() {
    return hostName;
  }

  synchronized String hostId() {
    return hostId;
  }

  synchronized void bind(String id) {
    this.hostId = id;
  }

  synchronized boolean send(ManagerMessage m) {
    if (closed) {
      return false;
    }
    try {
      out.onNext(m);
      return true;
    } catch (RuntimeException e) {
      closed = true;
      return false;
    }
  }

  CompletableFuture<CommandResult> expect(String requestId) {
    CompletableFuture<CommandResult> f = new CompletableFuture<>();
    pending.put(requestId, f);
    return f;
  }

  /** Forgets a command whose caller gave up waiting. */
  void forget(String requestId) {
    pending.remove(requestId);
  }

  void complete(CommandResult r) {
    CompletableFuture<CommandResult> f = pending.remove(r.getRequestId());
    if (f != null) {
      f.complete(r);
    }
  }

  /** Fails every waiting command: the node is gone. */
  void fail(RuntimeException why) {
    synchronized (this) {
      closed = true;
    }
    pending.values().forEach(f -> f.completeExceptionally(why));
    pending.clear();
  }

  synchronized void end(io.grpc.Status status) {
    if (!closed) {
      closed = true;
      try {
        if (status.isOk()) {
          out.onCompleted();
        } else {
          out.onError(status.asRuntimeException());
        }
      } catch (RuntimeException ignored) {
        // The transport already closed the call.
      }
    }
  }
}
