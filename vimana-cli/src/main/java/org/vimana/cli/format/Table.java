package org.vimana.cli.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A plain-text table with aligned columns, as {@code kubectl} or {@code virsh list} print them: a
 * header row, columns two spaces apart, numeric columns right-aligned, no trailing spaces.
 */
public final class Table {
  /** A column: its header and whether its cells are right-aligned. */
  public record Column(String header, boolean right) {
    public static Column left(String header) {
      return new Column(header, false);
    }

    public static Column right(String header) {
      return new Column(header, true);
    }
  }

  /** A column of a table of records: its header and alignment, and how a record gives its cell. */
  public record Field<T>(Column column, Function<? super T, ?> cell) {
    public static <T> Field<T> left(String header, Function<? super T, ?> cell) {
      return new Field<>(Column.left(header), cell);
    }

    public static <T> Field<T> right(String header, Function<? super T, ?> cell) {
      return new Field<>(Column.right(header), cell);
    }
  }

  private static final String GAP = "  ";

  private final List<Column> columns;
  private final List<String[]> rows = new ArrayList<>();

  public Table(Column... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    this.columns = List.of(columns);
  }

  /** A table with a row per record, in the order given; see {@link #render}. */
  @SafeVarargs
  public static <T> String of(List<T> records, Field<T>... fields) {
    Column[] columns = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      columns[i] = fields[i].column();
    }
    Table t = new Table(columns);
    for (T r : records) {
      Object[] cells = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        cells[i] = fields[i].cell().apply(r);
      }
      t.row(cells);
    }
    return t.render();
  }

  /** Adds a row; null cells print as {@code -}. */
  public Table row(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, table has " + columns.size() + " columns");
    }
    String[] r = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      r[i] = cells[i] == null ? "-" : cells[i].toString();
    }
    rows.add(r);
    return this;
  }

  /** The table as lines ending in a newline each. */
  public String render() {
    int[] width = new int[columns.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = columns.get(i).header().length();
    }
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, columns.stream().map(Column::header).toArray(String[]::new), width);
    rows.forEach(r -> line(sb, r, width));
    return sb.toString();
  }

  private void line(StringBuilder sb, String[] cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        l.append(GAP);
      }
      String pad = " ".repeat(width[i] - cells[i].length());
      if (columns.get(i).right()) {
        l.append(pad).append(cells[i]);
      } else {
        l.append(cells[i]).append(pad);
      }
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }

  /** Key/value lines ("NAME: web-1") for the {@code show} commands, keys aligned. */
  public static String keyValues(List<String[]> pairs) {
    int w = pairs.stream().mapToInt(p -> p[0].length()).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (String[] p : pairs) {
      String v = p.length < 2 || p[1] == null ? "-" : p[1];
      sb.append(p[0]).append(':').append(" ".repeat(w - p[0].length() + 1)).append(v);
      sb.append('\n');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "Table" + Arrays.toString(columns.toArray());
  }
}
