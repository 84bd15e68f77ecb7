package org.vimana.sim.store;

import java.io.IOException;
import java.nio.file.Path;

/** A state file cannot be read back; the message names the file and what is wrong with it. */
public final class CorruptStateException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public CorruptStateException(Path file, String problem, Throwable cause) {
    super(
        "sim state file "
            + file
            + " is corrupt: "
            + problem
            + " (fix the file or move it away; nothing was loaded)",
        cause);
    this.file = file;
  }

  /** The unreadable file. */
  public Path file() {
    return file;
  }
}
