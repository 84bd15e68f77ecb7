package org.vimana.sim.replay.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vimana.sim.replay.BadInputException;

/**
 * Reads per-VM CPU series from one CSV file (UTF-8, comma-separated, {@code #} starts a comment
 * line):
 *
 * <pre>
 * time_s,web-1:small,web-2:small,db-1:large
 * 0,12.5,3,40
 * 300,14,2.5,41
 * 600,13,4,55
 * </pre>
 *
 * The header's first cell is {@code time_s}; every other cell names a VM, optionally followed by
 * {@code :TYPE} to give it a VM type of the scenario (otherwise the scenario assigns one). Each row
 * is a time in seconds then one CPU percentage (0..100, decimals allowed) per VM. Times start at 0
 * and are equally spaced (the spacing is the trace interval); at least 2 rows. Any other content is
 * refused with the file and line named.
 */
public final class CsvTraces {

  private CsvTraces() {}

  public static TraceSet read(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file, in);
    } catch (IOException e) {
      throw new BadInputException(file, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  private static TraceSet parse(Path file, BufferedReader in) throws IOException {
    List<String> names = new ArrayList<>();
    List<Optional<String>> types = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    long interval = -1;
    long previousTime = -1;
    int line = 0;
    String text;
    while ((text = in.readLine()) != null) {
      line++;
      String t = text.trim();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] cells = t.split(",", -1);
      if (names.isEmpty()) {
        header(file, line, cells, names, types);
        continue;
      }
      if (cells.length != names.size() + 1) {
        throw new BadInputException(
            file,
            line,
            "expected " + (names.size() + 1) + " cells (time and one per VM), got " + cells.length);
      }
      long time = time(file, line, cells[0]);
      if (previousTime < 0 && time != 0) {
        throw new BadInputException(file, line, "the first row must be at time 0, got " + time);
      }
      if (previousTime >= 0) {
        long step = time - previousTime;
        if (interval < 0) {
          if (step <= 0) {
            throw new BadInputException(file, line, "times must increase");
          }
          interval = step;
        } else if (step != interval) {
          throw new BadInputException(
              file,
              line,
              "times must be equally spaced every " + interval + " s, got a step of " + step);
        }
      }
      previousTime = time;
      double[] row = new double[names.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = percent(file, line, cells[i + 1], names.get(i)) / 100.0;
      }
      rows.add(row);
    }
    if (names.isEmpty()) {
      throw new BadInputException(file, 0, "no header line (time_s,vm,...)");
    }
    if (rows.size() < 2) {
      throw new BadInputException(file, line, "a trace needs at least 2 rows, got " + rows.size());
    }
    double[][] samples = new double[names.size()][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int v = 0; v < names.size(); v++) {
        samples[v][r] = rows.get(r)[v];
      }
    }
    return new TraceSet(names, types, samples, interval);
  }

  private static void header(
      Path file, int line, String[] cells, List<String> names, List<Optional<String>> types) {
    if (!cells[0].trim().equals("time_s")) {
      throw new BadInputException(
          file, line, "the header must start with time_s, got '" + cells[0].trim() + "'");
    }
    if (cells.length < 2) {
      throw new BadInputException(file, line, "the header names no VM");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < cells.length; i++) {
      String cell = cells[i].trim();
      int colon = cell.indexOf(':');
      String name = colon < 0 ? cell : cell.substring(0, colon).trim();
      if (name.isEmpty()) {
        throw new BadInputException(file, line, "column " + (i + 1) + " has no VM name");
      }
      if (!seen.add(name)) {
        throw new BadInputException(file, line, "VM " + name + " appears twice");
      }
      names.add(name);
      types.add(colon < 0 ? Optional.empty() : Optional.of(cell.substring(colon + 1).trim()));
    }
  }

  private static long time(Path file, int line, String cell) {
    try {
      long t = Long.parseLong(cell.trim());
      if (t < 0) {
        throw new BadInputException(file, line, "negative time " + t);
      }
      return t;
    } catch (NumberFormatException e) {
      throw new BadInputException(file, line, "time must be whole seconds, got '" + cell + "'", e);
    }
  }

  private static double percent(Path file, int line, String cell, String vm) {
    double value;
    try {
      value = Double.parseDouble(cell.trim());
    } catch (NumberFormatException e) {
      throw new BadInputException(
          file, line, "VM " + vm + ": expected a CPU percentage, got '" + cell + "'", e);
    }
    if (!(value >= 0 && value <= 100)) {
      throw new BadInputException(
          file, line, "VM " + vm + ": CPU percentage out of 0..100: " + cell.trim());
    }
    return value;
  }
}
