package org.vimana.agent.json;

import java.math.BigInteger;

/** Converts a JSON value to the Java type a caller expects, or fails with QEMU's wording. */
public final class Expect {
  private Expect() {}

  public static String string(JsonValue value, String what) {
    if (value instanceof JsonValue.Str s) {
      return s.value();
    }
    throw wrongType(what, "string", value);
  }

  /** A signed 64-bit integer; an unsigned 64-bit value above Long.MAX_VALUE wraps like uint64. */
  public static long integer(JsonValue value, String what) {
    if (value instanceof JsonValue.Num n) {
      if (n.value() instanceof Long l) {
        return l;
      }
      if (n.value() instanceof BigInteger b && b.signum() >= 0 && b.bitLength() <= 64) {
        return b.longValue();
      }
    }
    throw wrongType(what, "integer", value);
  }

  public static double number(JsonValue value, String what) {
    if (value instanceof JsonValue.Num n) {
      return n.value().doubleValue();
    }
    throw wrongType(what, "number", value);
  }

  public static boolean bool(JsonValue value, String what) {
    if (value instanceof JsonValue.Bool b) {
      return b.value();
    }
    throw wrongType(what, "boolean", value);
  }

  public static JsonObject object(JsonValue value, String what) {
    if (value instanceof JsonObject o) {
      return o;
    }
    throw wrongType(what, "object", value);
  }

  public static JsonArray array(JsonValue value, String what) {
    if (value instanceof JsonArray a) {
      return a;
    }
    throw wrongType(what, "array", value);
  }

  private static JsonException wrongType(String what, String expected, JsonValue got) {
    return new JsonException(
        "Invalid parameter type for '"
            + what
            + "', expected: "
            + expected
            + " (got "
            + got.typeName()
            + ")");
  }
}
