package org.vimana.cli.client;

import java.util.function.Function;
import org.vimana.cli.Main;
import picocli.CommandLine.Option;

/**
 * The {@code --json} option of the client commands (a picocli mixin), and printing by it: the API
 * record as pretty JSON, exactly as the API serves it, for scripts; else its human rendering.
 */
final class JsonOption {
  @Option(names = "--json", description = "Print the API records as JSON instead of a table.")
  boolean json;

  /** Whether the operator asked for JSON. */
  boolean requested() {
    return json;
  }

  /** Prints {@code record} as JSON, or else {@code view} of it (lines ending in a newline). */
  <T> void print(Main main, T record, Function<? super T, String> view) {
    if (json) {
      main.printJson(record);
    } else {
      main.out().print(view.apply(record));
    }
  }

  /** Prints {@code record} as JSON, or else the one line {@code line} makes of it. */
  <T> void printLine(Main main, T record, Function<? super T, String> line) {
    print(main, record, r -> line.apply(r) + System.lineSeparator());
  }
}
