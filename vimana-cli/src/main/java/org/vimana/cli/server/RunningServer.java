package org.vimana.cli.server;

/** A daemon started in this process: it can be waited for and stopped. */
public interface RunningServer extends AutoCloseable {
  /**
   * Blocks until the daemon ends by itself (it normally runs until {@link #close}).
   *
   * @throws org.vimana.cli.CliException when it ended because of an error, e.g. a node whose join
   *     token the manager refused
   */
  void awaitTermination() throws InterruptedException, org.vimana.cli.CliException;

  /** Stops the daemon cleanly; idempotent. */
  @Override
  void close();
}
