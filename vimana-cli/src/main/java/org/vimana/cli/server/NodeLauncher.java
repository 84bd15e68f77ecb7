package org.vimana.cli.server;

import java.io.IOException;
import org.vimana.cli.CliException;

/** Starts a node daemon for {@code vimana node}; the seam that keeps the command testable. */
interface NodeLauncher {
  /**
   * Starts the node and returns once it runs.
   *
   * @throws CliException with {@link org.vimana.cli.ExitCode#UNREACHABLE} when the manager refuses
   *     the join token, with its message
   */
  RunningServer start(NodeOptions options) throws IOException, CliException;
}
