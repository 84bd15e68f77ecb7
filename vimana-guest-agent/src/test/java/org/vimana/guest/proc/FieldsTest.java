package org.vimana.guest.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsTest {
  @Test
  void splitsAsTheRegexDid() {
    for (String line :
        List.of(
            "cpu  1000 20 300 8000 50 0 30 10 0 0",
            "  eth0: 1234567    1000    0    0",
            "\tMemTotal:\t2035152 kB\r",
            "a",
            "",
            "   ",
            " 0: 0100007F:0019 00000000:0000 0A \u000B\f x")) {
      assertThat(Fields.of(line)).as(line).containsExactly(line.trim().split("\\s+"));
    }
  }
}
