package org.vimana.cli.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Starts a manager for {@code vimana manager}; the seam that keeps the command testable. */
interface ManagerLauncher {
  /** A manager that runs, where it listens and where its tokens are. */
  record Started(
      RunningServer server, URI apiUrl, String nodeLink, Path adminTokenFile, Path joinTokenFile) {}

  Started start(ManagerOptions options) throws IOException;
}
