package org.vimana.agent.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  private static String str(String s) {
    StringBuilder sb = new StringBuilder();
    JsonWriter.string(s, sb);
    return sb.toString();
  }

  private static String num(Number n) {
    StringBuilder sb = new StringBuilder();
    JsonWriter.number(n, sb);
    return sb.toString();
  }

  @Test
  void stringsAreEscapedWhereverTheSpecialCharacterIs() {
    assertThat(str("plain /proc/1 text")).isEqualTo("\"plain /proc/1 text\"");
    assertThat(str("")).isEqualTo("\"\"");
    assertThat(str("a\"b")).isEqualTo("\"a\\\"b\"");
    assertThat(str("\\x")).isEqualTo("\"\\\\x\"");
    assertThat(str("end\n")).isEqualTo("\"end\\n\"");
    assertThat(str("t\tr\r\u0001\u007f")).isEqualTo("\"t\\tr\\r\\u0001\\u007f\"");
    assertThat(str("héllo ✓ \"q\"")).isEqualTo("\"héllo ✓ \\\"q\\\"\"");
    // what it writes, the parser reads back
    for (String s : List.of("a\"b\\c\n\u0000d", "ünï ✓", "x\u001fy")) {
      assertThat(((JsonValue.Str) JsonParser.parse(str(s))).value()).isEqualTo(s);
    }
  }

  @Test
  void numbersAreWrittenAsStringValueOfWritesThem() {
    for (double d :
        new double[] {
          0.0, -0.0, 1.0, -3.0, 0.5, 12.34, 9_999_999.0, 1e7, 12_345_678.0, 1e-5, -1e7, 123.0
        }) {
      assertThat(num(d)).as("%s", d).isEqualTo(String.valueOf(d));
    }
    assertThat(num(42L)).isEqualTo("42");
    assertThat(num(new BigInteger("18446744073709551615"))).isEqualTo("18446744073709551615");
  }
}
