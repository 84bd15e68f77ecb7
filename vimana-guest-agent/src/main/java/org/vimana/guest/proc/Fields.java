package org.vimana.guest.proc;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a /proc line into its whitespace-separated fields without a regular expression: {@code
 * String.split("\\s+")} compiles a pattern at every call, and the collectors split dozens of lines
 * per status snapshot (the largest Java-side cost of a snapshot in a profile).
 */
final class Fields {
  private Fields() {}

  /**
   * The fields, as {@code s.trim().split("\\s+")} gives them (a blank line gives one empty field).
   */
  static String[] of(String s) {
    List<String> out = new ArrayList<>(16);
    int n = s.length();
    int i = 0;
    while (true) {
      while (i < n && space(s.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      while (i < n && !space(s.charAt(i))) {
        i++;
      }
      out.add(s.substring(start, i));
    }
    return out.isEmpty() ? new String[] {""} : out.toArray(new String[0]);
  }

  /** The characters of the regex class \s. */
  private static boolean space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
