package org.vimana.guest.proc;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The root the collectors read under: "/" in production, a fixture tree in tests. Reads are bounded
 * (procfs files can be large or endless, e.g. a runaway cmdline). Thread-safe.
 */
public final class SystemRoot {
  private static final int MAX_FILE = 4 << 20;

  /**
   * The system-wide files that status snapshots and pushes read every time. They are held open for
   * the life of this root and read again from offset 0, which makes the kernel format them afresh,
   * as the process scan holds /proc/PID/stat ({@link HeldFiles}): under TCG the path walk, open and
   * close are most of a small file's cost. In a lab guest, stat, meminfo, loadavg, uptime and
   * mounts took 0.47 ms held against 1.39 ms opened each time (medians of six rounds, C1).
   */
  static final Set<String> HELD =
      Set.of(
          "proc/stat",
          "proc/meminfo",
          "proc/loadavg",
          "proc/uptime",
          "proc/mounts",
          "proc/diskstats",
          "proc/net/dev");

  private final Path root;

  /** Guards {@link #held} and {@link #heldBuffer}: status, pushes and commands run on threads. */
  private final Object heldLock = new Object();

  private final Map<String, RandomAccessFile> held = new HashMap<>();
  private byte[] heldBuffer = new byte[16 * 1024];

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
    return text(relative, MAX_FILE);
  }

  private String text(String relative, int max) throws IOException {
    String key = relative.startsWith("/") ? relative.substring(1) : relative;
    return HELD.contains(key) ? readHeld(key, max) : read(path(key), max);
  }

  private String readHeld(String key, int max) throws IOException {
    synchronized (heldLock) {
      RandomAccessFile f = held.get(key);
      if (f == null) {
        f = open(path(key));
        held.put(key, f);
      }
      try {
        f.seek(0);
        int n = 0;
        while (n < max) {
          if (n == heldBuffer.length) {
            heldBuffer = Arrays.copyOf(heldBuffer, Math.min(max, 2 * n));
          }
          int r = f.read(heldBuffer, n, Math.min(heldBuffer.length, max) - n);
          if (r < 0) {
            break;
          }
          n += r;
        }
        return new String(heldBuffer, 0, n, StandardCharsets.UTF_8);
      } catch (IOException e) {
        held.remove(key); // opened again by the next read
        try {
          f.close();
        } catch (IOException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
    }
  }

  /** Opens for reading; a missing file is a NoSuchFileException, as for {@link Files}. */
  private static RandomAccessFile open(Path p) throws IOException {
    try {
      return new RandomAccessFile(p.toFile(), "r");
    } catch (FileNotFoundException e) {
      if (!Files.exists(p)) {
        throw new NoSuchFileException(p.toString());
      }
      throw e;
    }
  }

  /** How many files are held open (tests). */
  int heldCount() {
    synchronized (heldLock) {
      return held.size();
    }
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
      String s = text(relative, 64 * 1024);
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
