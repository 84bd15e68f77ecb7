package org.vimana.agent.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonParserTest {
  @Test
  void parsesAllTypes() {
    JsonObject o =
        (JsonObject)
            JsonParser.parse(
                " {\"s\":\"a\\\"b\\\\c\\n\\u00e9\",\"i\":-42,\"big\":18446744073709551615,"
                    + "\"d\":1.5e2,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[2],{}]} ");
    assertThat(o.str("s")).isEqualTo("a\"b\\c\n\u00e9");
    assertThat(o.integer("i")).isEqualTo(-42);
    assertThat(((JsonValue.Num) o.get("big")).value())
        .isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(o.integer("big")).isEqualTo(-1L); // uint64 wraps like C
    assertThat(o.number("d")).isEqualTo(150.0);
    assertThat(o.bool("t")).isTrue();
    assertThat(o.bool("f")).isFalse();
    assertThat(o.get("n")).isEqualTo(JsonValue.Null.INSTANCE);
    assertThat(o.has("n")).isFalse();
    assertThat(o.arr("a").size()).isEqualTo(3);
  }

  @Test
  void writerRoundTripsAndEscapesControlCharacters() {
    JsonObject o =
        JsonObject.builder()
            .put("k", "line\nquote\"tab\tbell\u0007")
            .put("n", 3)
            .put("x", 0.25)
            .build();
    String text = o.toJson();
    assertThat(text).isEqualTo("{\"k\":\"line\\nquote\\\"tab\\tbell\\u0007\",\"n\":3,\"x\":0.25}");
    assertThat(JsonParser.parse(text)).isEqualTo(o);
  }

  @Test
  void reportsErrorsWithOffsets() {
    assertError("{\"a\":1,}", 7, "member name");
    assertError("{\"a\" 1}", 5, "expected ':'");
    assertError("[1 2]", 3, "expected ',' or ']'");
    assertError("{\"a\":tru}", 5, "invalid literal");
    assertError("\"abc", 4, "unterminated string");
    assertError("\"a\u0001\"", 2, "control character");
    assertError("\"\\x\"", 1, "invalid escape");
    assertError("01", 1, "after the end");
    assertError("-", 1, "expected a digit");
    assertError("1.", 2, "after '.'");
    assertError("{} x", 3, "after the end");
    assertError("", 0, "unexpected end");
    assertError("{\"a\":1,\"a\":2}", 7, "duplicate member name 'a'");
  }

  @Test
  void enforcesDepthAndLength() {
    JsonLimits small = new JsonLimits(10, 3);
    assertThatThrownBy(() -> JsonParser.parse("[[[[1]]]]", small))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("nesting deeper than 3");
    assertThatThrownBy(() -> JsonParser.parse("[1,2,3,4,5,6]", small))
        .hasMessageContaining("exceeds the limit of 10");
    assertThat(JsonParser.parse("[[[1]]]", small)).isInstanceOf(JsonArray.class);
  }

  @Test
  void rejectsOverlongNumbers() {
    assertThatThrownBy(() -> JsonParser.parse("1" + "0".repeat(500)))
        .hasMessageContaining("number longer than");
    assertThatThrownBy(() -> JsonParser.parse("1e999")).hasMessageContaining("out of range");
  }

  private static void assertError(String text, long offset, String fragment) {
    assertThatThrownBy(() -> JsonParser.parse(text))
        .isInstanceOfSatisfying(
            JsonException.class, e -> assertThat(e.offset()).as(text).isEqualTo(offset))
        .hasMessageContaining(fragment);
  }
}
