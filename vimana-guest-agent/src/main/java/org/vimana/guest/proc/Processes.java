package org.vimana.guest.proc;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes from /proc/PID/stat (all of them, cheap) and /proc/PID/status and cmdline (only for
 * those reported). Processes that exit while being read are skipped.
 */
public final class Processes {
  /** USER_HZ: 100 on every mainstream Linux architecture; /proc times are in these ticks. */
  public static final long TICKS_PER_SECOND = 100;

  /** Page size when the kernel does not say (x86-64's). */
  public static final long PAGE_SIZE = 4096;

  private static final int MAX_CMDLINE = 256;

  /** A stat line is under 1 KiB (52 numbers and a 16-byte comm); more is cut as before. */
  private static final int STAT_MAX = 4096;

  /** /proc/PID/status is about 1.5 KiB. */
  private static final int STATUS_MAX = 16 * 1024;

  /**
   * Processes whose stat stays open between scans; more are read with an open and close each. A
   * guest's usual few hundred fit, and the agent keeps most of its descriptors (4096 under the
   * kernel's default hard limit) for exec and file commands.
   */
  static final int HELD_STAT_FILES = 512;

  private final SystemRoot root;
  private final HeldFiles statFiles = new HeldFiles(HELD_STAT_FILES);
  private volatile long pageSize; // 0 until first asked: only status reports read it

  public Processes(SystemRoot root) {
    this.root = root;
  }

  /** Bytes per page of stat's rss field. */
  public long pageSize() {
    long p = pageSize;
    if (p == 0) {
      p = kernelPageSize(root);
      pageSize = p; // a race reads the same file twice and stores the same value
    }
    return p;
  }

  /**
   * The page size from the first mapping in /proc/self/smaps ("KernelPageSize: 4 kB"; arm64 kernels
   * may use 16 or 64 kB), {@link #PAGE_SIZE} when absent.
   */
  static long kernelPageSize(SystemRoot root) {
    try {
      String text = SystemRoot.readSingleShow(root.path("proc/self/smaps"), STATUS_MAX);
      for (String line : text.split("\n")) {
        String[] f = Fields.of(line);
        if (f.length == 3 && f[0].equals("KernelPageSize:") && f[2].equals("kB")) {
          return Long.parseLong(f[1]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // no smaps (fixture tree, old kernel) or an odd line: the default
    }
    return PAGE_SIZE;
  }

  /** Fields of /proc/PID/stat that Vimana uses. */
  public record Stat(
      long pid,
      String comm,
      String state,
      long ppid,
      long session,
      long ttyNr,
      long cpuTicks,
      long threads,
      long startTicks,
      long rssPages) {}

  /**
   * Every process's stat; unreadable or vanished ones are skipped. One directory listing (a single
   * native call, no Path per entry), one buffer for the whole scan, and each stat file held open
   * for the next scan: this runs at every status and push, once per process, and under TCG every
   * syscall, object and copy is emulated work.
   */
  public synchronized List<Stat> all() throws IOException {
    String proc = root.path("proc").toString();
    String[] names = new File(proc).list();
    if (names == null) {
      throw new IOException("cannot list " + proc);
    }
    byte[] buf = new byte[STAT_MAX];
    List<Stat> out = new ArrayList<>(names.length);
    statFiles.beginPass();
    try {
      for (String name : names) {
        if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
          continue;
        }
        try {
          int n = statFiles.read(proc + "/" + name + "/stat", buf);
          if (n > 0) {
            out.add(parseStat(new String(buf, 0, n, StandardCharsets.UTF_8)));
          }
        } catch (IOException | ParseExceptionUnchecked e) {
          // the process exited meanwhile, or its stat is unreadable: skip it
        }
      }
    } finally {
      statFiles.endPass(); // exited processes' files are closed here
    }
    return out;
  }

  /** Parses a stat line; comm is between the first '(' and the last ')' (it may contain both). */
  public static Stat parseStat(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open) {
      throw new ParseExceptionUnchecked("stat line without '(comm)': " + line);
    }
    // Field bounds after comm, found in place: no split, no substrings (a scan parses every
    // process's line, and under TCG the allocation and copying are emulated work too).
    // at[2k], at[2k + 1] bound field k + 3 of proc(5) (k = 0 is the state).
    int[] at = new int[2 * FIELDS];
    int n = 0;
    int end = line.length();
    while (end > close && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    int i = close + 2;
    while (i < end && n < FIELDS) {
      int j = line.indexOf(' ', i);
      if (j < 0 || j > end) {
        j = end;
      }
      at[2 * n] = i;
      at[2 * n + 1] = j;
      n++;
      i = j + 1;
    }
    if (n < FIELDS) {
      throw new ParseExceptionUnchecked("stat line with " + n + " fields after comm");
    }
    try {
      return new Stat(
          Long.parseLong(line.substring(0, open).trim()),
          line.substring(open + 1, close),
          line.substring(at[0], at[1]),
          field(line, at, 1),
          field(line, at, 3),
          field(line, at, 4),
          field(line, at, 11) + field(line, at, 12),
          field(line, at, 17),
          field(line, at, 19),
          field(line, at, 21));
    } catch (NumberFormatException e) {
      throw new ParseExceptionUnchecked("stat line with a bad number: " + e.getMessage());
    }
  }

  /** Fields after comm that Vimana reads: up to rss, field 24 of proc(5). */
  private static final int FIELDS = 22;

  private static long field(String line, int[] at, int k) {
    return Long.parseLong(line, at[2 * k], at[2 * k + 1], 10);
  }

  /**
   * The real uid from /proc/PID/status, -1 when it cannot be read (the process exited). A process's
   * resident size needs no second read: stat's rss and status's VmRSS are the same kernel counter
   * (anon + file + shmem pages).
   */
  public long uid(long pid) {
    try {
      String text = SystemRoot.readSingleShow(root.path("proc/" + pid + "/status"), STATUS_MAX);
      for (String line : text.split("\n")) {
        if (line.startsWith("Uid:")) {
          return Long.parseLong(Fields.of(line)[1]); // real, effective, saved, fs: the first
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1; // vanished or odd: unknown
    }
  }

  /** The command line with NULs as spaces, at most 256 characters; [comm] for kernel threads. */
  public String cmdline(long pid, String comm) {
    try {
      String s = SystemRoot.readSingleShow(root.path("proc/" + pid + "/cmdline"), MAX_CMDLINE);
      s = s.replace('\0', ' ').trim();
      return s.isEmpty() ? "[" + comm + "]" : s;
    } catch (IOException e) {
      return "[" + comm + "]";
    }
  }

  /** Unchecked twin of ParseException for use inside stream-like loops. */
  public static final class ParseExceptionUnchecked extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ParseExceptionUnchecked(String message) {
      super(message);
    }
  }
}
