package org.vimana.node.telemetry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.vimana.rpc.NodeMessage;

/** An outbox that keeps what it is sent and lets a test wait for it. */
final class RecordingOutbox implements Outbox {
  private final List<NodeMessage> sent = new ArrayList<>();
  private volatile boolean congested;

  @Override
  public synchronized void send(NodeMessage message) {
    sent.add(message);
    notifyAll();
  }

  @Override
  public boolean congested() {
    return congested;
  }

  void congested(boolean c) {
    congested = c;
  }

  synchronized List<NodeMessage> sent(NodeMessage.BodyCase kind) {
    return sent.stream().filter(m -> m.getBodyCase() == kind).toList();
  }

  /** Waits until {@code count} messages of {@code kind} were sent; fails after a few seconds. */
  synchronized List<NodeMessage> await(NodeMessage.BodyCase kind, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (sent(kind).size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("only " + sent(kind).size() + " of " + count + " " + kind);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return sent(kind);
  }
}
