package org.vimana.sim.replay;

import java.nio.file.Path;

/** A trace or scenario file that cannot be used; the message names the file and the line. */
public final class BadInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Path file;
  private final int line;

  /**
   * @param line 1-based line number, or 0 when the problem is not on one line
   */
  public BadInputException(Path file, int line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
    this.file = file;
    this.line = line;
  }

  public BadInputException(Path file, int line, String message, Throwable cause) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** 1-based line, or 0. */
  public int line() {
    return line;
  }
}
