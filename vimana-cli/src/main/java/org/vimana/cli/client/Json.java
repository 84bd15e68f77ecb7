package org.vimana.cli.client;

/** The shared wording of the {@code --json} option. */
final class Json {
  static final String HELP = "Print the API records as JSON instead of a table.";

  private Json() {}
}
