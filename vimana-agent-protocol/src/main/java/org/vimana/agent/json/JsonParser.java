package org.vimana.agent.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Strict RFC 8259 recursive-descent parser with length and depth bounds. Not thread-safe. */
public final class JsonParser {
  private static final int MAX_NUMBER_CHARS = 400;

  private final String text;
  private final JsonLimits limits;
  private int pos;
  private int depth;

  private JsonParser(String text, JsonLimits limits) {
    this.text = text;
    this.limits = limits;
  }

  /** Parses one JSON document; trailing non-whitespace is an error. */
  public static JsonValue parse(String text, JsonLimits limits) {
    if (text.length() > limits.maxLength()) {
      throw new JsonException(
          "document of " + text.length() + " characters exceeds the limit of " + limits.maxLength(),
          limits.maxLength());
    }
    JsonParser p = new JsonParser(text, limits);
    p.skipWhitespace();
    JsonValue v = p.value();
    p.skipWhitespace();
    if (p.pos < text.length()) {
      throw p.error("unexpected " + p.describe() + " after the end of the document");
    }
    return v;
  }

  public static JsonValue parse(String text) {
    return parse(text, JsonLimits.DEFAULT);
  }

  private JsonValue value() {
    if (pos >= text.length()) {
      throw error("unexpected end of input, expected a value");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return JsonValue.of(string());
      case 't':
        return literal("true", JsonValue.of(true));
      case 'f':
        return literal("false", JsonValue.of(false));
      case 'n':
        return literal("null", JsonValue.Null.INSTANCE);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected " + describe() + ", expected a value");
    }
  }

  private JsonObject object() {
    enter();
    pos++;
    LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
    JsonObject.Builder b = JsonObject.builder();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return b.build();
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name in double quotes, found " + describe());
      }
      int keyAt = pos;
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      JsonValue v = value();
      if (members.put(key, v) != null) {
        pos = keyAt;
        throw error("duplicate member name '" + key + "'");
      }
      b.put(key, v);
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == '}') {
        depth--;
        return b.build();
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}' in object, found " + describe());
      }
    }
  }

  private JsonArray array() {
    enter();
    pos++;
    List<JsonValue> values = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return JsonArray.of(values);
    }
    while (true) {
      skipWhitespace();
      values.add(value());
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == ']') {
        depth--;
        return JsonArray.of(values);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']' in array, found " + describe());
      }
    }
  }

  private void enter() {
    if (++depth > limits.maxDepth()) {
      throw error("nesting deeper than " + limits.maxDepth() + " levels");
    }
  }

  private String string() {
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("control character U+" + String.format("%04X", (int) c) + " in string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw error("unterminated escape");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> sb.append(unicodeEscape());
        default -> {
          pos -= 2;
          throw error("invalid escape '\\" + e + "'");
        }
      }
    }
  }

  private char unicodeEscape() {
    if (pos + 4 > text.length()) {
      throw error("truncated \\u escape");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(text.charAt(pos + i), 16);
      if (d < 0) {
        throw error("invalid hex digit in \\u escape");
      }
      v = v * 16 + d;
    }
    pos += 4;
    return (char) v;
  }

  private JsonValue number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("invalid number: expected a digit");
    }
    boolean integral = true;
    if (peek() == '.') {
      integral = false;
      pos++;
      if (!isDigit(peek())) {
        throw error("invalid number: expected a digit after '.'");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("invalid number: expected a digit in the exponent");
      }
      digits();
    }
    if (pos - start > MAX_NUMBER_CHARS) {
      pos = start;
      throw error("number longer than " + MAX_NUMBER_CHARS + " characters");
    }
    String s = text.substring(start, pos);
    if (integral) {
      BigInteger big = new BigInteger(s);
      return new JsonValue.Num(big.bitLength() < 64 ? (Number) big.longValue() : big);
    }
    double d = Double.parseDouble(s);
    if (!Double.isFinite(d)) {
      pos = start;
      throw error("number out of range");
    }
    return JsonValue.of(d);
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private JsonValue literal(String word, JsonValue v) {
    if (!text.startsWith(word, pos)) {
      throw error("invalid literal, expected '" + word + "'");
    }
    pos += word.length();
    return v;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "', found " + describe());
    }
    pos++;
  }

  /** The current character, or U+0000 at the end (never valid where a token is expected). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private String describe() {
    if (pos >= text.length()) {
      return "end of input";
    }
    char c = text.charAt(pos);
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }

  private JsonException error(String message) {
    return new JsonException(message, pos);
  }
}
