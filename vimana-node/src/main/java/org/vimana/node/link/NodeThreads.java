package org.vimana.node.link;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads shared by every node daemon of a process, so a process hosting a thousand simulated hosts
 * does not need thousands of timer threads. Timers only schedule and send small messages; anything
 * that calls the hypervisor (commands, stats, listing the inventory) runs on a worker. All are
 * daemon threads: they never keep a process alive.
 */
final class NodeThreads {
  static final ScheduledExecutorService TIMERS =
      Executors.newScheduledThreadPool(2, named("vimana-node-timer"));
  static final ExecutorService WORKERS = Executors.newCachedThreadPool(named("vimana-node-work"));

  private NodeThreads() {}

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
