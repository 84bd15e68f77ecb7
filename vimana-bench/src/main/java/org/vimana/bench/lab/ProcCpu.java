package org.vimana.bench.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time a process has used, from /proc/PID/stat (user + system, in clock ticks of 10 ms). */
public final class ProcCpu {
  private static final double MS_PER_TICK = 10.0;

  private ProcCpu() {}

  static double millis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // Fields after the command name, which is in parentheses and may hold spaces.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(f[11]);
    long stime = Long.parseLong(f[12]);
    return (utime + stime) * MS_PER_TICK;
  }

  /** CPU time of this JVM (all threads), in ms. */
  public static double self() throws IOException {
    return millis(ProcessHandle.current().pid());
  }
}
