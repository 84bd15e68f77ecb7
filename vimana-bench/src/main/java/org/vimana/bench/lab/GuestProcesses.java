package org.vimana.bench.lab;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vimana.lab.GuestShell;

/**
 * RSS and CPU time of named guest processes, read from the guest's /proc through guest-exec (one
 * busybox command line per sample, so sampling costs the same for every process measured).
 */
final class GuestProcesses {
  /**
   * One sample: per name, VmRSS in bytes and utime+stime in ticks; the guest's uptime in ticks
   * (1/100 s). Uptime, not the sum of /proc/stat's cpu line: under TCG on a loaded host the guest's
   * tick accounting falls behind its clock (shares above 100 % were seen), the clock does not.
   */
  record Sample(Map<String, Long> rssBytes, Map<String, Long> ticks, long guestTicks) {}

  private final GuestShell shell;
  private final Map<String, Long> pids;

  GuestProcesses(GuestShell shell, Map<String, Long> pids) {
    this.shell = shell;
    this.pids = new LinkedHashMap<>(pids);
  }

  void put(String name, long pid) {
    pids.put(name, pid);
  }

  Sample sample() throws Exception {
    return parse(shell.sh(command()));
  }

  /**
   * Each process's percent of one vCPU over {@code seconds}, after {@code settleSeconds}. One guest
   * shell, started before the window, writes both samples to files, so that nothing runs through
   * the Vimana agent inside the window: a guest-exec costs the agent tens of milliseconds of CPU
   * under TCG, and sampling through it had shown an idle agent at 0.3 % of the vCPU.
   */
  Map<String, Double> cpuOver(int settleSeconds, int seconds) throws Exception {
    String sample = command();
    long pid =
        shell.start(
            "/bin/sh",
            "-c",
            "sleep "
                + settleSeconds
                + "; { "
                + sample
                + "; } >/run/vimana/cpu.a; sleep "
                + seconds
                + "; { "
                + sample
                + "; } >/run/vimana/cpu.b");
    GuestShell.Result r = shell.await(pid, Duration.ofSeconds(settleSeconds + seconds + 60L));
    if (r.exitCode() != 0) {
      throw new AssertionError("CPU sampling shell exited " + r.exitCode() + ": " + r.err());
    }
    return cpuPercent(
        parse(shell.sh("cat /run/vimana/cpu.a")), parse(shell.sh("cat /run/vimana/cpu.b")));
  }

  /** One busybox command line printing a "P NAME VmRSS… stat" line per process and the uptime. */
  private String command() {
    StringBuilder cmd = new StringBuilder();
    for (Map.Entry<String, Long> e : pids.entrySet()) {
      long pid = e.getValue();
      cmd.append("echo \"P ")
          .append(e.getKey())
          .append(" $(grep VmRSS /proc/")
          .append(pid)
          .append("/status) $(cat /proc/")
          .append(pid)
          .append("/stat)\"; ");
    }
    return cmd.append("echo U $(cut -d' ' -f1 /proc/uptime)").toString();
  }

  private static Sample parse(String text) {
    Map<String, Long> rss = new LinkedHashMap<>();
    Map<String, Long> ticks = new LinkedHashMap<>();
    long guest = 0;
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (line.startsWith("P ")) {
        // P NAME VmRSS: N kB PID (comm) S ppid ... utime(14) stime(15)
        rss.put(f[1], Long.parseLong(f[3]) * 1024);
        String stat = line.substring(line.lastIndexOf(')') + 2);
        String[] s = stat.split(" ");
        ticks.put(f[1], Long.parseLong(s[11]) + Long.parseLong(s[12]));
      } else if (line.startsWith("U ")) {
        guest = Math.round(Double.parseDouble(f[1]) * 100);
      }
    }
    return new Sample(rss, ticks, guest);
  }

  /** Percent of one vCPU each process used between two samples. */
  static Map<String, Double> cpuPercent(Sample a, Sample b) {
    double elapsed = b.guestTicks() - a.guestTicks(); // 1 vCPU: wall ticks = its capacity
    Map<String, Double> out = new LinkedHashMap<>();
    for (String name : a.ticks().keySet()) {
      Long end = b.ticks().get(name);
      if (end != null) {
        out.put(name, 100.0 * (end - a.ticks().get(name)) / elapsed);
      }
    }
    return out;
  }
}
