package org.vimana.guest.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes from /proc/PID/stat (all of them, cheap) and /proc/PID/status and cmdline (only for
 * those reported). Processes that exit while being read are skipped.
 */
public final class Processes {
  /** USER_HZ: 100 on every mainstream Linux architecture; /proc times are in these ticks. */
  public static final long TICKS_PER_SECOND = 100;

  /** Page size assumed for stat's rss field; exact RSS comes from status VmRSS. */
  public static final long PAGE_SIZE = 4096;

  private static final int MAX_CMDLINE = 256;

  /** A stat line is under 1 KiB (52 numbers and a 16-byte comm); more is cut as before. */
  private static final int STAT_MAX = 4096;

  /** /proc/PID/status is about 1.5 KiB. */
  private static final int STATUS_MAX = 16 * 1024;

  private final SystemRoot root;

  public Processes(SystemRoot root) {
    this.root = root;
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

  /** Every process's stat; unreadable or vanished ones are skipped. */
  public List<Stat> all() throws IOException {
    List<Stat> out = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root.path("proc"))) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
          continue;
        }
        try {
          out.add(parseStat(SystemRoot.readSingleShow(dir.resolve("stat"), STAT_MAX)));
        } catch (IOException | ParseExceptionUnchecked e) {
          // the process exited meanwhile, or its stat is unreadable: skip it
        }
      }
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

  /** Uid and VmRSS (bytes) from /proc/PID/status; -1 where absent (kernel threads). */
  public long[] uidAndRss(long pid) {
    long uid = -1;
    long rss = -1;
    try {
      String text = SystemRoot.readSingleShow(root.path("proc/" + pid + "/status"), STATUS_MAX);
      for (String line : text.lines().toList()) {
        if (line.startsWith("Uid:")) {
          uid = Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
        } else if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // vanished or odd: report unknown
    }
    return new long[] {uid, rss};
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
