package org.vimana.sim.replay.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.vimana.sim.replay.BadInputException;

/**
 * Reads a PlanetLab day: a folder with one file per VM, each exactly {@value #SAMPLES} lines of one
 * integer 0..100 (CPU percent every 5 minutes over 24 hours). A blank, non-integer, out-of-range,
 * missing or extra line is refused with the file and line named.
 */
public final class PlanetLabTraces {

  /** Samples per file. */
  public static final int SAMPLES = 288;

  /** Interval between samples. */
  public static final long INTERVAL_SECONDS = 300;

  /** In which order files become VMs (VM types are assigned by position). */
  public enum Order {
    /**
     * The order the file system lists the folder, as CloudSim's {@code File.listFiles()} does (the
     * reference figures were made so); depends on the file system.
     */
    LISTING,
    /** Sorted by file name: the same on every machine. */
    SORTED
  }

  private PlanetLabTraces() {}

  public static TraceSet read(Path folder, Order order) {
    if (!Files.isDirectory(folder)) {
      throw new BadInputException(folder, 0, "not a folder of PlanetLab traces");
    }
    List<Path> files = list(folder);
    if (order == Order.SORTED) {
      Collections.sort(files);
    }
    if (files.isEmpty()) {
      throw new BadInputException(folder, 0, "no trace files in the folder");
    }
    List<String> names = new ArrayList<>(files.size());
    List<Optional<String>> types = new ArrayList<>(files.size());
    double[][] samples = new double[files.size()][];
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      names.add(file.getFileName().toString());
      types.add(Optional.empty());
      samples[i] = readFile(file);
    }
    return new TraceSet(names, types, samples, INTERVAL_SECONDS);
  }

  private static List<Path> list(Path folder) {
    // java.io.File.list() keeps the directory's own order, as CloudSim's listFiles() does.
    String[] entries = folder.toFile().list();
    if (entries == null) {
      throw new UncheckedIOException(new IOException("cannot list " + folder));
    }
    List<Path> files = new ArrayList<>();
    for (String e : entries) {
      Path p = folder.resolve(e);
      if (Files.isRegularFile(p) && !e.startsWith(".") && !e.equalsIgnoreCase("README.md")) {
        files.add(p);
      }
    }
    return files;
  }

  static double[] readFile(Path file) {
    double[] out = new double[SAMPLES];
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      int line = 0;
      String text;
      while ((text = in.readLine()) != null) {
        line++;
        if (line > SAMPLES) {
          throw new BadInputException(file, line, "more than " + SAMPLES + " lines");
        }
        out[line - 1] = percent(file, line, text) / 100.0;
      }
      if (line < SAMPLES) {
        throw new BadInputException(
            file, line + 1, "only " + line + " lines, a PlanetLab trace has " + SAMPLES);
      }
    } catch (IOException e) {
      throw new BadInputException(file, 0, "cannot read: " + e.getMessage(), e);
    }
    return out;
  }

  private static int percent(Path file, int line, String text) {
    String t = text.trim();
    int value;
    try {
      value = Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new BadInputException(
          file, line, "expected an integer CPU percentage 0..100, got '" + text + "'", e);
    }
    if (value < 0 || value > 100) {
      throw new BadInputException(file, line, "CPU percentage out of 0..100: " + value);
    }
    return value;
  }
}
