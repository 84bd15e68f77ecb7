package org.vimana.sim.store;

import static java.util.Objects.requireNonNull;

import java.util.Properties;

/** Typed reads from a loaded properties file; each failure names the key and the bad value. */
final class Fields {
  private final Properties properties;

  Fields(Properties properties) {
    this.properties = requireNonNull(properties);
  }

  String string(String key) {
    String v = properties.getProperty(key);
    if (v == null) {
      throw new IllegalArgumentException("missing key '" + key + "'");
    }
    return v;
  }

  long longValue(String key) {
    String v = string(key);
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(invalid(key, v, "an integer"), e);
    }
  }

  int intValue(String key) {
    long v = longValue(key);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(invalid(key, Long.toString(v), "a 32-bit integer"));
    }
    return (int) v;
  }

  double doubleValue(String key) {
    return parseDouble(key, string(key).trim());
  }

  static double parseDouble(String key, String v) {
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(invalid(key, v, "a finite number"));
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(invalid(key, v, "a number"), e);
    }
  }

  static String invalid(String key, String value, String expected) {
    return "key '" + key + "' has invalid value '" + value + "' (expected " + expected + ")";
  }
}
