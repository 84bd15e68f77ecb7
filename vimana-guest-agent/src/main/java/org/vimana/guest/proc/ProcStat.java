package org.vimana.guest.proc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vimana.agent.qga.GuestCpuStats;

/**
 * /proc/stat: aggregate and per-CPU times (USER_HZ ticks), context switches, boot time and the
 * running/blocked process counts.
 */
public record ProcStat(
    CpuTimes total,
    List<CpuTimes> cpus,
    long contextSwitches,
    long bootTimeSeconds,
    long procsRunning,
    long procsBlocked) {

  public ProcStat {
    cpus = List.copyOf(cpus);
  }

  /** One "cpu" or "cpuN" line; fields missing on old kernels are -1. */
  public record CpuTimes(
      int cpu,
      long user,
      long nice,
      long system,
      long idle,
      long iowait,
      long irq,
      long softirq,
      long steal,
      long guest,
      long guestNice) {

    /** All ticks (guest time is already counted in user and nice). */
    public long total() {
      return user + nice + system + idle + pos(iowait) + pos(irq) + pos(softirq) + pos(steal);
    }

    public long idleAll() {
      return idle + pos(iowait);
    }

    private static long pos(long v) {
      return Math.max(0, v);
    }

    public GuestCpuStats toQga() {
      return new GuestCpuStats(
          cpu,
          user,
          nice,
          system,
          idle,
          opt(iowait),
          opt(irq),
          opt(softirq),
          opt(steal),
          opt(guest),
          opt(guestNice));
    }

    private static Long opt(long v) {
      return v < 0 ? null : v;
    }
  }

  public static ProcStat read(SystemRoot root) throws IOException {
    return parse(root.lines("proc/stat"));
  }

  static ProcStat parse(List<String> lines) throws ParseException {
    CpuTimes total = null;
    List<CpuTimes> cpus = new ArrayList<>();
    long ctxt = 0;
    long btime = 0;
    long running = 0;
    long blocked = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("cpu")
          && !line.startsWith("ctxt")
          && !line.startsWith("btime")
          && !line.startsWith("procs_")) {
        continue; // intr and softirq: hundreds of IRQ counters nobody reads, not worth splitting
      }
      String[] f = Fields.of(line);
      try {
        if (f[0].equals("cpu")) {
          total = times(-1, f, i);
        } else if (f[0].startsWith("cpu")) {
          cpus.add(times(Integer.parseInt(f[0].substring(3)), f, i));
        } else if (f[0].equals("ctxt")) {
          ctxt = Long.parseLong(f[1]);
        } else if (f[0].equals("btime")) {
          btime = Long.parseLong(f[1]);
        } else if (f[0].equals("procs_running")) {
          running = Long.parseLong(f[1]);
        } else if (f[0].equals("procs_blocked")) {
          blocked = Long.parseLong(f[1]);
        }
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        throw new ParseException("/proc/stat", i + 1, "malformed line: " + lines.get(i));
      }
    }
    if (total == null) {
      throw new ParseException("/proc/stat", 1, "no aggregate 'cpu' line");
    }
    return new ProcStat(total, cpus, ctxt, btime, running, blocked);
  }

  private static CpuTimes times(int cpu, String[] f, int line) throws ParseException {
    if (f.length < 5) {
      throw new ParseException("/proc/stat", line + 1, "a cpu line needs at least 4 counters");
    }
    long[] v = new long[10];
    for (int k = 0; k < 10; k++) {
      v[k] = k + 1 < f.length ? Long.parseLong(f[k + 1]) : -1;
    }
    return new CpuTimes(cpu, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
  }
}
