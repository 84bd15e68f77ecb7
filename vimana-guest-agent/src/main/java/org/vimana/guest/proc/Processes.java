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
          out.add(parseStat(SystemRoot.read(dir.resolve("stat"), 4096)));
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
    String[] f = line.substring(close + 2).trim().split(" ");
    if (f.length < 22) {
      throw new ParseExceptionUnchecked("stat line with " + f.length + " fields after comm");
    }
    try {
      // f[0] is field 3 (state) of proc(5); field n is f[n - 3]
      return new Stat(
          Long.parseLong(line.substring(0, open).trim()),
          line.substring(open + 1, close),
          f[0],
          Long.parseLong(f[1]),
          Long.parseLong(f[3]),
          Long.parseLong(f[4]),
          Long.parseLong(f[11]) + Long.parseLong(f[12]),
          Long.parseLong(f[17]),
          Long.parseLong(f[19]),
          Long.parseLong(f[21]));
    } catch (NumberFormatException e) {
      throw new ParseExceptionUnchecked("stat line with a bad number: " + e.getMessage());
    }
  }

  /** Uid and VmRSS (bytes) from /proc/PID/status; -1 where absent (kernel threads). */
  public long[] uidAndRss(long pid) {
    long uid = -1;
    long rss = -1;
    try {
      for (String line : root.lines("proc/" + pid + "/status")) {
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
      String s = SystemRoot.read(root.path("proc/" + pid + "/cmdline"), MAX_CMDLINE);
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
