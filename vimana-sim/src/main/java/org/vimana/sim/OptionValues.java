package org.vimana.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the text of sim driver options; every failure names the option and its value. */
final class OptionValues {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([mgt])(?:i?b)?)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern TIME =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)?", Pattern.CASE_INSENSITIVE);

  private OptionValues() {}

  static int positiveInt(String key, String value) {
    try {
      int v = Integer.parseInt(value.trim());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, value, "a positive whole number");
  }

  static long anyLong(String key, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(key, value, "a whole number");
    }
  }

  static double number(String key, String value, double min, double max, String expected) {
    try {
      double v = Double.parseDouble(value.trim());
      if (v >= min && v <= max && Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, value, expected);
  }

  /** A size in {@code unit} MiB multiples: plain numbers are in {@code plainUnit} (M or G). */
  static long size(String key, String value, char plainUnit, char resultUnit, String expected) {
    Matcher m = SIZE.matcher(value.trim());
    if (!m.matches()) {
      throw invalid(key, value, expected);
    }
    char unit = m.group(2) == null ? plainUnit : m.group(2).toUpperCase(Locale.ROOT).charAt(0);
    BigDecimal amount = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(mib(unit)));
    BigDecimal result = amount.divide(BigDecimal.valueOf(mib(resultUnit)));
    try {
      long v = result.longValueExact();
      if (v > 0) {
        return v;
      }
    } catch (ArithmeticException e) {
      // fractional or too large, reported below
    }
    throw invalid(key, value, expected);
  }

  private static long mib(char unit) {
    switch (unit) {
      case 'M':
        return 1;
      case 'G':
        return 1024;
      case 'T':
        return 1024 * 1024;
      default:
        throw new IllegalStateException("unit " + unit);
    }
  }

  /** A non-negative time: plain seconds ("2", "0.05"), or with "s" or "ms". */
  static Duration time(String key, String value) {
    Matcher m = TIME.matcher(value.trim());
    if (m.matches()) {
      BigDecimal amount = new BigDecimal(m.group(1));
      boolean millis = "ms".equalsIgnoreCase(m.group(2));
      BigDecimal nanos = amount.movePointRight(millis ? 6 : 9);
      if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
        return Duration.ofNanos(nanos.longValue());
      }
    }
    throw invalid(key, value, "a time in seconds such as 2, 0.05, 2s or 500ms");
  }

  static IllegalArgumentException invalid(String key, String value, String expected) {
    return new IllegalArgumentException(
        "sim option '" + key + "' has invalid value '" + value + "': expected " + expected);
  }
}
