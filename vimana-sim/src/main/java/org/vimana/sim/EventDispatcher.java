package org.vimana.sim;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.vimana.core.event.VmEvent;

/**
 * Delivers a host's VM events to its listeners in the order they happened, outside the host's lock.
 * Events are queued while the lock is held and delivered by whichever thread calls {@link #drain}
 * first, one thread at a time; a listener that throws is logged and does not stop the others.
 */
final class EventDispatcher {
  private static final System.Logger LOG = System.getLogger(EventDispatcher.class.getName());

  private final List<Consumer<VmEvent>> listeners = new CopyOnWriteArrayList<>();
  private final Queue<VmEvent> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  void addListener(Consumer<VmEvent> listener) {
    listeners.add(requireNonNull(listener));
  }

  /** Queues an event; call under the host lock so the queue order is the order of changes. */
  void enqueue(VmEvent event) {
    queue.add(event);
  }

  /** Delivers queued events unless another thread already is; call without holding the lock. */
  void drain() {
    while (!queue.isEmpty() && draining.compareAndSet(false, true)) {
      try {
        for (VmEvent e = queue.poll(); e != null; e = queue.poll()) {
          deliver(e);
        }
      } finally {
        draining.set(false);
      }
    }
  }

  private void deliver(VmEvent event) {
    for (Consumer<VmEvent> l : listeners) {
      try {
        l.accept(event);
      } catch (RuntimeException ex) {
        LOG.log(System.Logger.Level.WARNING, "VM event listener failed on " + event, ex);
      }
    }
  }
}
