package org.vimana.node.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.vimana.node.telemetry.Outbox;
import org.vimana.rpc.AgentReadiness;
import org.vimana.rpc.AgentStatusMsg;
import org.vimana.rpc.NodeMessage;

/** An outbox that keeps the agent statuses it is sent and lets a test wait for one. */
final class StatusLog implements Outbox {
  private final List<AgentStatusMsg> sent = new ArrayList<>();

  @Override
  public synchronized void send(NodeMessage message) {
    if (message.hasAgentStatus()) {
      sent.add(message.getAgentStatus());
      notifyAll();
    }
  }

  @Override
  public boolean congested() {
    return false;
  }

  synchronized List<AgentStatusMsg> of(String vmId) {
    return sent.stream().filter(s -> s.getVmId().equals(vmId)).toList();
  }

  /** The first status of {@code vmId} sent from index {@code from} on that matches. */
  synchronized AgentStatusMsg await(String vmId, int from, Predicate<AgentStatusMsg> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      List<AgentStatusMsg> mine = of(vmId);
      for (int i = from; i < mine.size(); i++) {
        if (wanted.test(mine.get(i))) {
          return mine.get(i);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no such status of " + vmId + " among " + mine);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** The first status of {@code vmId} with this readiness sent from index {@code from} on. */
  AgentStatusMsg await(String vmId, int from, AgentReadiness readiness)
      throws InterruptedException {
    return await(vmId, from, s -> s.getReadiness() == readiness);
  }

  synchronized int size(String vmId) {
    return of(vmId).size();
  }
}
