package org.vimana.agent.json;

import java.math.BigInteger;
import java.util.Objects;

/** A JSON value: one of the six JSON types, immutable. */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonValue.Str, JsonValue.Num, JsonValue.Bool, JsonValue.Null {

  /** JSON type name as used in error messages ("string", "number", ...). */
  String typeName();

  static JsonValue of(String value) {
    return new Str(value);
  }

  static JsonValue of(long value) {
    return new Num(value);
  }

  static JsonValue of(double value) {
    return new Num(value);
  }

  static JsonValue of(boolean value) {
    return value ? Bool.TRUE : Bool.FALSE;
  }

  /** Compact JSON text of this value. */
  default String toJson() {
    return JsonWriter.write(this);
  }

  /** A JSON string. */
  record Str(String value) implements JsonValue {
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String typeName() {
      return "string";
    }
  }

  /** A JSON number held as a Long, a BigInteger (beyond 64 bits) or a finite Double. */
  record Num(Number value) implements JsonValue {
    public Num {
      Objects.requireNonNull(value, "value");
      if (!(value instanceof Long || value instanceof BigInteger || value instanceof Double)) {
        throw new IllegalArgumentException("JSON numbers are Long, BigInteger or Double");
      }
      if (value instanceof Double d && !Double.isFinite(d)) {
        throw new IllegalArgumentException("JSON has no NaN or infinity");
      }
    }

    @Override
    public String typeName() {
      return "number";
    }

    /** True when the number has no fractional part and fits in a signed 64-bit integer. */
    public boolean isLong() {
      return value instanceof Long;
    }
  }

  /** A JSON boolean. */
  record Bool(boolean value) implements JsonValue {
    static final Bool TRUE = new Bool(true);
    static final Bool FALSE = new Bool(false);

    @Override
    public String typeName() {
      return "boolean";
    }
  }

  /** The JSON null. */
  enum Null implements JsonValue {
    INSTANCE;

    @Override
    public String typeName() {
      return "null";
    }
  }
}
