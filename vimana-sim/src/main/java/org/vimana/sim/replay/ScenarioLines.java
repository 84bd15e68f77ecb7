package org.vimana.sim.replay;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The {@code key = value} lines of a scenario file, with typed getters that name the line. */
final class ScenarioLines {

  private record Entry(String value, int line) {}

  private final Path file;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Set<String> used = new HashSet<>();

  ScenarioLines(Path file, List<String> lines) {
    this.file = file;
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).trim();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int eq = t.indexOf('=');
      if (eq <= 0) {
        throw new BadInputException(file, i + 1, "expected 'key = value', got '" + t + "'");
      }
      String key = t.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = t.substring(eq + 1).trim();
      if (entries.containsKey(key)) {
        throw new BadInputException(
            file,
            i + 1,
            "'" + key + "' is set twice (first on line " + entries.get(key).line + ")");
      }
      entries.put(key, new Entry(value, i + 1));
    }
  }

  Path file() {
    return file;
  }

  BadInputException error(String key, String message) {
    Entry e = entries.get(key);
    return new BadInputException(file, e == null ? 0 : e.line, key + ": " + message);
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  String string(String key) {
    Entry e = entries.get(key);
    if (e == null) {
      throw new BadInputException(file, 0, "missing required key '" + key + "'");
    }
    used.add(key);
    if (e.value.isEmpty()) {
      throw error(key, "empty value");
    }
    return e.value;
  }

  String string(String key, String fallback) {
    return has(key) ? string(key) : fallback;
  }

  double number(String key, double fallback) {
    if (!has(key)) {
      return fallback;
    }
    try {
      return Double.parseDouble(string(key));
    } catch (NumberFormatException e) {
      throw error(key, "not a number: '" + string(key) + "'");
    }
  }

  double number(String key, double min, double max, double fallback) {
    double v = number(key, fallback);
    if (!(v >= min && v <= max)) {
      throw error(key, "must be within " + min + ".." + max + ", got " + v);
    }
    return v;
  }

  long integer(String key, long fallback) {
    if (!has(key)) {
      return fallback;
    }
    try {
      return Long.parseLong(string(key));
    } catch (NumberFormatException e) {
      throw error(key, "not a whole number: '" + string(key) + "'");
    }
  }

  String choice(String key, String fallback, String... allowed) {
    String v = string(key, fallback).toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw error(key, "must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
  }

  /** {@code a=1 b=2} parsed into a map; unknown or missing attributes are refused. */
  Map<String, String> attributes(String key, Set<String> required, Set<String> optional) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : string(key).split("\\s+")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw error(key, "expected name=value pairs, got '" + part + "'");
      }
      String name = part.substring(0, eq).toLowerCase(Locale.ROOT);
      if (!required.contains(name) && !optional.contains(name)) {
        throw error(
            key, "unknown attribute '" + name + "' (allowed: " + required + " " + optional + ")");
      }
      out.put(name, part.substring(eq + 1));
    }
    for (String r : required) {
      if (!out.containsKey(r)) {
        throw error(key, "missing attribute '" + r + "'");
      }
    }
    return out;
  }

  /** Refuses keys that nothing read (typos). */
  void rejectUnused() {
    for (var e : entries.entrySet()) {
      if (!used.contains(e.getKey())) {
        throw new BadInputException(file, e.getValue().line, "unknown key '" + e.getKey() + "'");
      }
    }
  }
}
