package org.vimana.cli.format;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory and disk sizes as operators type them: {@code 512M}, {@code 4G}, {@code 1.5G}, {@code 1T}
 * (binary units; {@code K}, {@code KB}, {@code KiB} spellings all accepted), or a plain number in
 * the default unit of the option (MiB for memory, GiB for disk).
 */
public final class Sizes {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([kmgtp])(?:i?b)?)?", Pattern.CASE_INSENSITIVE);
  private static final long KIB_PER_MIB = 1024;

  private Sizes() {}

  /** Parses a memory size; a plain number is MiB. The result is positive and whole MiB. */
  public static long parseMib(String text) {
    long kib = parseKib(text, 'M');
    if (kib % KIB_PER_MIB != 0) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number of MiB");
    }
    long mib = kib / KIB_PER_MIB;
    if (mib <= 0) {
      throw new IllegalArgumentException("'" + text + "' must be more than 0");
    }
    return mib;
  }

  /** Parses a disk size; a plain number is GiB. The result is whole GiB (0 allowed). */
  public static long parseGib(String text) {
    long kib = parseKib(text, 'G');
    long perGib = KIB_PER_MIB * 1024;
    if (kib % perGib != 0) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number of GiB");
    }
    return kib / perGib;
  }

  private static long parseKib(String text, char defaultUnit) {
    Matcher m = SIZE.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size: use a number with an optional unit, e.g. 512M, 4G, 1T");
    }
    String unit = m.group(2) == null ? String.valueOf(defaultUnit) : m.group(2);
    int shift =
        switch (unit.toUpperCase(Locale.ROOT)) {
          case "K" -> 0;
          case "M" -> 10;
          case "G" -> 20;
          case "T" -> 30;
          default -> 40;
        };
    try {
      BigDecimal kib = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << shift));
      return kib.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number of KiB or too big");
    }
  }

  /** MiB as a short human size: {@code 512M}, {@code 2G}, {@code 1.5G}, {@code 1T}. */
  public static String formatMib(long mib) {
    if (mib < 1024) {
      return mib + "M";
    }
    if (mib < 1024L * 1024) {
      return oneDecimal(mib / 1024.0) + "G";
    }
    return oneDecimal(mib / (1024.0 * 1024)) + "T";
  }

  /** GiB as a short human size: {@code 20G}, {@code 1.5T}. */
  public static String formatGib(long gib) {
    return gib < 1024 ? gib + "G" : oneDecimal(gib / 1024.0) + "T";
  }

  private static String oneDecimal(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
