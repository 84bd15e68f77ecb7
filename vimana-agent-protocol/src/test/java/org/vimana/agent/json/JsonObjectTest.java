package org.vimana.agent.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonObjectTest {
  private final JsonObject o =
      (JsonObject) JsonParser.parse("{\"path\":5,\"arg\":[\"a\",1],\"ok\":\"yes\",\"z\":null}");

  @Test
  void missingAndWrongTypesUseQemuWording() {
    assertThatThrownBy(() -> o.str("mode")).hasMessage("Parameter 'mode' is missing");
    assertThatThrownBy(() -> o.str("path"))
        .hasMessage("Invalid parameter type for 'path', expected: string (got number)");
    assertThatThrownBy(() -> o.bool("ok")).hasMessageContaining("expected: boolean");
    assertThatThrownBy(() -> o.optStrings("arg")).hasMessageContaining("'arg', expected: string");
    assertThatThrownBy(() -> o.integer("z")).hasMessage("Parameter 'z' is missing");
  }

  @Test
  void expectOnlyNamesTheFirstUnexpectedMember() {
    assertThatThrownBy(() -> o.expectOnly("path", "arg", "ok"))
        .hasMessage("Parameter 'z' is unexpected");
    assertThat(o.expectOnly("path", "arg", "ok", "z")).isSameAs(o);
  }

  @Test
  void optionalAccessorsTreatNullAsAbsent() {
    assertThat(o.optStr("z")).isNull();
    assertThat(o.optInteger("nope")).isNull();
    assertThat(o.integer("nope", 7)).isEqualTo(7);
    assertThat(o.list("nope", v -> v)).isEmpty();
  }

  @Test
  void builderSkipsNullOptionals() {
    JsonObject b =
        JsonObject.builder()
            .putOpt("a", (String) null)
            .putOpt("b", 2L)
            .putStrings("c", List.of("x"))
            .build();
    assertThat(b.toJson()).isEqualTo("{\"b\":2,\"c\":[\"x\"]}");
  }
}
