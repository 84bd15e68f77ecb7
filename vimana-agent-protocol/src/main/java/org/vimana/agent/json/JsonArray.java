package org.vimana.agent.json;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A JSON array, immutable. */
public final class JsonArray implements JsonValue {
  private static final JsonArray EMPTY = new JsonArray(List.of());

  private final List<JsonValue> values;

  private JsonArray(List<JsonValue> values) {
    this.values = values;
  }

  public static JsonArray of(List<? extends JsonValue> values) {
    return values.isEmpty() ? EMPTY : new JsonArray(List.copyOf(values));
  }

  public static JsonArray ofStrings(List<String> values) {
    List<JsonValue> out = new ArrayList<>(values.size());
    for (String s : values) {
      out.add(JsonValue.of(s));
    }
    return of(out);
  }

  /** Encodes each element with the given function. */
  public static <T> JsonArray of(List<T> items, Function<T, ? extends JsonValue> encoder) {
    List<JsonValue> out = new ArrayList<>(items.size());
    for (T item : items) {
      out.add(encoder.apply(item));
    }
    return of(out);
  }

  @Override
  public String typeName() {
    return "array";
  }

  public List<JsonValue> values() {
    return values;
  }

  public int size() {
    return values.size();
  }

  public JsonValue get(int index) {
    return values.get(index);
  }

  public List<String> strings(String what) {
    List<String> out = new ArrayList<>(values.size());
    for (JsonValue v : values) {
      out.add(Expect.string(v, what));
    }
    return List.copyOf(out);
  }

  public <T> List<T> map(Function<JsonValue, T> element) {
    List<T> out = new ArrayList<>(values.size());
    for (JsonValue v : values) {
      out.add(element.apply(v));
    }
    return List.copyOf(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonArray other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return toJson();
  }
}
