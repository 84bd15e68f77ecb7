package org.vimana.cli;

/** A failure the CLI reports as {@code error: <message>} with a given exit code. */
public class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A command line that parses but makes no sense (exit code 2). */
  public static CliException usage(String message) {
    return new CliException(ExitCode.USAGE, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
