package org.vimana.agent.json;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A JSON object with insertion-ordered members and typed accessors. Absent members and members
 * holding JSON null are both "absent" for the optional accessors, as in QEMU's schema.
 */
public final class JsonObject implements JsonValue {
  private static final JsonObject EMPTY = new JsonObject(new LinkedHashMap<>());

  private final Map<String, JsonValue> members;

  private JsonObject(Map<String, JsonValue> members) { // always a LinkedHashMap copy
    this.members = Collections.unmodifiableMap(members);
  }

  public static JsonObject empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String typeName() {
    return "object";
  }

  public Map<String, JsonValue> members() {
    return members;
  }

  public boolean has(String key) {
    JsonValue v = members.get(key);
    return v != null && v != JsonValue.Null.INSTANCE;
  }

  /** The member, or null when absent. */
  public JsonValue get(String key) {
    return members.get(key);
  }

  public int size() {
    return members.size();
  }

  /** Fails with "Parameter 'x' is unexpected" when a member is not one of the allowed keys. */
  public JsonObject expectOnly(String... allowed) {
    Set<String> ok = new HashSet<>(Arrays.asList(allowed));
    for (String key : members.keySet()) {
      if (!ok.contains(key)) {
        throw new JsonException("Parameter '" + key + "' is unexpected");
      }
    }
    return this;
  }

  private JsonValue require(String key) {
    JsonValue v = members.get(key);
    if (v == null || v == JsonValue.Null.INSTANCE) {
      throw new JsonException("Parameter '" + key + "' is missing");
    }
    return v;
  }

  public String str(String key) {
    return Expect.string(require(key), key);
  }

  public long integer(String key) {
    return Expect.integer(require(key), key);
  }

  public double number(String key) {
    return Expect.number(require(key), key);
  }

  public boolean bool(String key) {
    return Expect.bool(require(key), key);
  }

  public JsonObject obj(String key) {
    return Expect.object(require(key), key);
  }

  public JsonArray arr(String key) {
    return Expect.array(require(key), key);
  }

  /** The string member, or null when absent. */
  public String optStr(String key) {
    return has(key) ? str(key) : null;
  }

  /** The integer member, or null when absent. */
  public Long optInteger(String key) {
    return has(key) ? integer(key) : null;
  }

  public long integer(String key, long absent) {
    return has(key) ? integer(key) : absent;
  }

  public Double optNumber(String key) {
    return has(key) ? number(key) : null;
  }

  public Boolean optBool(String key) {
    return has(key) ? bool(key) : null;
  }

  public boolean bool(String key, boolean absent) {
    return has(key) ? bool(key) : absent;
  }

  public JsonObject optObj(String key) {
    return has(key) ? obj(key) : null;
  }

  /** A list of strings, or null when absent. */
  public List<String> optStrings(String key) {
    return has(key) ? arr(key).strings(key) : null;
  }

  /** Maps each element of an array member, empty when absent. */
  public <T> List<T> list(String key, Function<JsonValue, T> element) {
    return has(key) ? arr(key).map(element) : List.of();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonObject other && members.equals(other.members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  @Override
  public String toString() {
    return toJson();
  }

  /** Builds an object; the put*Opt methods skip null values so optional members stay absent. */
  public static final class Builder {
    private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

    private Builder() {}

    public Builder put(String key, JsonValue value) {
      members.put(key, value == null ? JsonValue.Null.INSTANCE : value);
      return this;
    }

    public Builder put(String key, String value) {
      return put(key, JsonValue.of(value));
    }

    public Builder put(String key, long value) {
      return put(key, JsonValue.of(value));
    }

    public Builder put(String key, double value) {
      return put(key, JsonValue.of(value));
    }

    public Builder put(String key, boolean value) {
      return put(key, JsonValue.of(value));
    }

    public Builder putOpt(String key, JsonValue value) {
      return value == null ? this : put(key, value);
    }

    public Builder putOpt(String key, String value) {
      return value == null ? this : put(key, value);
    }

    public Builder putOpt(String key, Long value) {
      return value == null ? this : put(key, (long) value);
    }

    public Builder putOpt(String key, Double value) {
      return value == null ? this : put(key, (double) value);
    }

    public Builder putOpt(String key, Boolean value) {
      return value == null ? this : put(key, (boolean) value);
    }

    public Builder putStrings(String key, List<String> values) {
      return values == null ? this : put(key, JsonArray.ofStrings(values));
    }

    public JsonObject build() {
      return members.isEmpty() ? EMPTY : new JsonObject(new LinkedHashMap<>(members));
    }
  }
}
