package org.vimana.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vimana.cli.format.Table.Column;

class TableTest {
  @Test
  void alignsColumnsTwoSpacesApartNumbersRightWithoutTrailingSpaces() {
    String out =
        new Table(Column.left("NAME"), Column.right("VCPUS"), Column.left("TAGS"))
            .row("web-1", 2, "prod")
            .row("database-primary", 16, null)
            .render();
    assertThat(out)
        .isEqualTo(
            "NAME              VCPUS  TAGS\n"
                + "web-1                 2  prod\n"
                + "database-primary     16  -\n");
  }

  @Test
  void anEmptyTableIsItsHeader() {
    assertThat(new Table(Column.left("NAME"), Column.left("STATE")).render())
        .isEqualTo("NAME  STATE\n");
  }

  @Test
  void aRowMustFitTheColumns() {
    Table t = new Table(Column.left("A"), Column.left("B"));
    assertThatThrownBy(() -> t.row("only one")).hasMessageContaining("1 cells, table has 2");
  }

  @Test
  void keyValuesAlignTheValues() {
    assertThat(
            Table.keyValues(
                List.of(new String[] {"Name", "web-1"}, new String[] {"Memory used", null})))
        .isEqualTo("Name:        web-1\nMemory used: -\n");
  }
}
