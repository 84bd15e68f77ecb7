package org.vimana.agent.json;

import java.util.Map;

/** Writes compact JSON text (no insignificant whitespace, so one message is one line). */
public final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonWriter() {}

  public static String write(JsonValue value) {
    StringBuilder sb = new StringBuilder(64);
    write(value, sb);
    return sb.toString();
  }

  public static void write(JsonValue value, StringBuilder out) {
    if (value instanceof JsonObject o) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(e.getKey(), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof JsonArray a) {
      out.append('[');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(a.get(i), out);
      }
      out.append(']');
    } else if (value instanceof JsonValue.Str s) {
      string(s.value(), out);
    } else if (value instanceof JsonValue.Num n) {
      number(n.value(), out);
    } else if (value instanceof JsonValue.Bool b) {
      out.append(b.value());
    } else {
      out.append("null");
    }
  }

  /** Escapes quotes, backslashes and all control characters; other characters pass as UTF-16. */
  public static void string(String s, StringBuilder out) {
    out.append('"');
    int clean = 0; // chars before the first that needs escaping: copied in one append
    while (clean < s.length() && !needsEscape(s.charAt(clean))) {
      clean++;
    }
    if (clean == s.length()) {
      out.append(s).append('"'); // the common case: nothing to escape
      return;
    }
    out.append(s, 0, clean);
    for (int i = clean; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || c == '"' || c == '\\' || c == 0x7f;
  }

  /**
   * A number as {@code String.valueOf} writes it. Whole doubles below 10^7 (most rates and
   * percentages in a status are 0.0) skip the general double-to-text algorithm, whose output for
   * them is the integer and ".0" anyway; a status has dozens of them and under TCG each conversion
   * is emulated work.
   */
  static void number(Number n, StringBuilder out) {
    if (n instanceof Double d) {
      double v = d;
      long whole = (long) v;
      if (whole == v && Math.abs(v) < 1e7 && !(v == 0 && 1 / v < 0)) {
        out.append(whole).append(".0");
        return;
      }
    }
    out.append(n);
  }
}
