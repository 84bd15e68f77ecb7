package org.vimana.guest.proc;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The root the collectors read under: "/" in production, a fixture tree in tests. Reads are bounded
 * (procfs files can be large or endless, e.g. a runaway cmdline).
 */
public final class SystemRoot {
  private static final int MAX_FILE = 4 << 20;

  private final Path root;

  public SystemRoot(Path root) {
    this.root = root;
  }

  public static SystemRoot host() {
    return new SystemRoot(Path.of("/"));
  }

  /** A path under the root: {@code path("proc/meminfo")}. */
  public Path path(String relative) {
    return root.resolve(relative.startsWith("/") ? relative.substring(1) : relative);
  }

  public boolean exists(String relative) {
    return Files.exists(path(relative));
  }

  /** The whole file (at most 4 MiB) as UTF-8. */
  public String read(String relative) throws IOException {
    return read(path(relative), MAX_FILE);
  }

  /** The file, or null when it does not exist. */
  public String readIfExists(String relative) throws IOException {
    try {
      return read(relative);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** The first line trimmed, or null when the file does not exist or cannot be read. */
  public String firstLine(String relative) {
    try {
      String s = read(path(relative), 64 * 1024);
      int nl = s.indexOf('\n');
      return (nl < 0 ? s : s.substring(0, nl)).trim();
    } catch (IOException e) {
      return null;
    }
  }

  public List<String> lines(String relative) throws IOException {
    return read(relative).lines().toList();
  }

  static String read(Path p, int max) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      byte[] b = in.readNBytes(max);
      return new String(b, StandardCharsets.UTF_8);
    }
  }

  /**
   * A procfs file that the kernel formats in one go (/proc/PID/stat, status, cmdline): open, one
   * read of at most {@code max} bytes, close. Saves the read that would only see EOF, a quarter of
   * the syscalls of a process scan, which under TCG is emulated work per process. Multi-record
   * files (/proc/net/tcp) can return short reads before their end: {@link #read(String)} is for
   * those.
   */
  public static String readSingleShow(Path p, int max) throws IOException {
    // FileInputStream, not FileChannel: a third of the objects and no copy through a direct buffer
    try (FileInputStream in = new FileInputStream(p.toString())) {
      byte[] buf = new byte[max];
      int n = in.read(buf);
      return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.UTF_8);
    }
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
