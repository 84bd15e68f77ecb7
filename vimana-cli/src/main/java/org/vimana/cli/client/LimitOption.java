package org.vimana.cli.client;

import org.vimana.cli.CliException;
import picocli.CommandLine.Option;

/** The {@code --limit N} option of the histories (a picocli mixin): at most N, 20 unless given. */
final class LimitOption {
  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N.")
  int limit;

  /** The limit, refused (exit 2) when below 1. */
  int value() throws CliException {
    Counts.atLeastOne("--limit", limit);
    return limit;
  }
}
