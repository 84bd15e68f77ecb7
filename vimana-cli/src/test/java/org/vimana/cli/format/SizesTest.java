package org.vimana.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SizesTest {
  @Test
  void memoryTakesUnitsAndPlainNumbersAreMib() {
    assertThat(Sizes.parseMib("512M")).isEqualTo(512);
    assertThat(Sizes.parseMib("4G")).isEqualTo(4096);
    assertThat(Sizes.parseMib("4g")).isEqualTo(4096);
    assertThat(Sizes.parseMib("4GiB")).isEqualTo(4096);
    assertThat(Sizes.parseMib("4GB")).isEqualTo(4096);
    assertThat(Sizes.parseMib("1.5G")).isEqualTo(1536);
    assertThat(Sizes.parseMib("1T")).isEqualTo(1024 * 1024);
    assertThat(Sizes.parseMib("2048")).isEqualTo(2048);
    assertThat(Sizes.parseMib("1048576K")).isEqualTo(1024);
  }

  @Test
  void diskTakesUnitsAndPlainNumbersAreGib() {
    assertThat(Sizes.parseGib("20")).isEqualTo(20);
    assertThat(Sizes.parseGib("20G")).isEqualTo(20);
    assertThat(Sizes.parseGib("1T")).isEqualTo(1024);
    assertThat(Sizes.parseGib("2048M")).isEqualTo(2);
    assertThat(Sizes.parseGib("0")).isZero();
  }

  @Test
  void badSizesAreRefusedWithTheValueInTheMessage() {
    assertThatThrownBy(() -> Sizes.parseMib("4X")).hasMessageContaining("'4X' is not a size");
    assertThatThrownBy(() -> Sizes.parseMib("")).hasMessageContaining("is not a size");
    assertThatThrownBy(() -> Sizes.parseMib("-1G")).hasMessageContaining("'-1G' is not a size");
    assertThatThrownBy(() -> Sizes.parseMib("0")).hasMessageContaining("more than 0");
    assertThatThrownBy(() -> Sizes.parseMib("1.0001M")).hasMessageContaining("whole number");
    assertThatThrownBy(() -> Sizes.parseGib("1500M")).hasMessageContaining("whole number of GiB");
    assertThatThrownBy(() -> Sizes.parseMib("99999999999999999999T"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formatsShortHumanSizes() {
    assertThat(Sizes.formatMib(512)).isEqualTo("512M");
    assertThat(Sizes.formatMib(2048)).isEqualTo("2G");
    assertThat(Sizes.formatMib(1536)).isEqualTo("1.5G");
    assertThat(Sizes.formatMib(1024 * 1024)).isEqualTo("1T");
    assertThat(Sizes.formatGib(20)).isEqualTo("20G");
    assertThat(Sizes.formatGib(1536)).isEqualTo("1.5T");
  }
}
