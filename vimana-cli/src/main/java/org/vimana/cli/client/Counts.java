package org.vimana.cli.client;

import org.vimana.cli.CliException;

/** Counts given on the command line, checked before the manager is asked. */
final class Counts {
  private Counts() {}

  /** Refuses {@code value} with a usage error (exit 2) naming {@code option} when it is below 1. */
  static void atLeastOne(String option, int value) throws CliException {
    if (value < 1) {
      throw CliException.usage(option + " must be at least 1, got " + value);
    }
  }
}
