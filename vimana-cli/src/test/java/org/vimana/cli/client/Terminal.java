package org.vimana.cli.client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.vimana.cli.Main;

/**
 * The {@code vimana} command as an operator runs it against one manager: each {@link #run} returns
 * the exit code and keeps what the command printed on stdout and stderr.
 */
final class Terminal {
  private final Map<String, String> env;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  Terminal(String url, String token) {
    this.env = Map.of("VIMANA_URL", url, "VIMANA_TOKEN", token);
  }

  int run(String... args) {
    out.reset();
    err.reset();
    return new Main(
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .execute(args);
  }

  /** What the last command printed on stdout. */
  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What the last command printed on stderr. */
  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
