package org.vimana.cli.format;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators type them: {@code 500ms}, {@code 60s}, {@code 10m}, {@code 2h}, {@code
 * 1d}.
 */
public final class Durations {
  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);

  private Durations() {}

  /** Parses a duration; a plain number is seconds. */
  public static Duration parse(String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a duration: use e.g. 90s, 10m, 2h, 1d (plain numbers are seconds)");
    }
    double v = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    double millis =
        switch (unit) {
          case "ms" -> v;
          case "m" -> v * 60_000;
          case "h" -> v * 3_600_000;
          case "d" -> v * 86_400_000;
          default -> v * 1000;
        };
    return Duration.ofMillis(Math.round(millis));
  }

  /**
   * Seconds in the shortest exact unit: {@code 86400.0} as {@code 1d}, {@code 90.0} as {@code 90s}.
   */
  public static String formatSeconds(double seconds) {
    if (seconds == Math.rint(seconds)) {
      long s = (long) seconds;
      if (s != 0 && s % 86_400 == 0) {
        return s / 86_400 + "d";
      }
      if (s != 0 && s % 3600 == 0) {
        return s / 3600 + "h";
      }
      if (s != 0 && s % 60 == 0) {
        return s / 60 + "m";
      }
      return s + "s";
    }
    return Math.round(seconds * 1000) + "ms";
  }
}
