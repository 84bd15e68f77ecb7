package org.vimana.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The key/value lines of a {@code show} command, built a line at a time; see {@link
 * Table#keyValues}.
 */
public final class KeyValues {
  private final List<String[]> pairs = new ArrayList<>();

  /** Adds a line; a null value prints as {@code -}. */
  public void add(String key, String value) {
    pairs.add(new String[] {key, value});
  }

  /** The lines, keys aligned, each ending in a newline. */
  public String render() {
    return Table.keyValues(pairs);
  }
}
