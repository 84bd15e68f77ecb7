package org.vimana.node;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Polls a condition nobody notifies us of (a sim VM's state), with a deadline. */
public final class Poll {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final long STEP_MS = 10;

  private Poll() {}

  public static <T> T until(String what, Callable<Optional<T>> probe) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Optional<T> found = probe.call();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(STEP_MS);
    }
  }
}
