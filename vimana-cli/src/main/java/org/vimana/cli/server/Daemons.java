package org.vimana.cli.server;

import java.util.concurrent.atomic.AtomicBoolean;

/** Runs an embedded daemon in the foreground until SIGTERM/SIGINT, then stops it cleanly. */
final class Daemons {
  private Daemons() {}

  /**
   * Blocks until the daemon ends. On SIGTERM/SIGINT the JVM's shutdown hook closes the daemon (the
   * JVM then exits with 143/130); if the daemon ends by itself, this returns normally.
   */
  static void runUntilStopped(RunningServer server, String name)
      throws InterruptedException, org.vimana.cli.CliException {
    AtomicBoolean closed = new AtomicBoolean();
    Thread hook =
        new Thread(
            () -> {
              if (closed.compareAndSet(false, true)) {
                server.close();
              }
            },
            "vimana-" + name + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      server.awaitTermination();
    } finally {
      if (closed.compareAndSet(false, true)) {
        server.close();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is already running.
      }
    }
  }
}
