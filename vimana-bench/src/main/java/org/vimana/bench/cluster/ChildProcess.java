package org.vimana.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A JVM started by the benchmark on its own class path; the benchmark ends only these. */
final class ChildProcess implements AutoCloseable {
  private final Process process;

  private ChildProcess(Process process) {
    this.process = process;
  }

  static ChildProcess java(Path log, List<String> jvmArgs, String mainClass, List<String> args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new ChildProcess(p);
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** User plus system CPU time consumed so far, in seconds, from /proc/PID/stat. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the command name.
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return ticks / 100.0;
  }

  /** Resident set size in MiB, from /proc/PID/status. */
  double rssMib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  /** Java heap in use after a full GC, in MiB, read with jcmd from the same JDK. */
  double heapAfterGcMib() throws IOException, InterruptedException {
    Path jcmd =
        Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
    run(jcmd.toString(), Long.toString(pid()), "GC.run");
    String info = run(jcmd.toString(), Long.toString(pid()), "GC.heap_info");
    // e.g. " garbage-first heap   total 262144K, used 81234K [0x..." or "def new generation ..."
    long usedKib = 0;
    for (String line : info.split("\n")) {
      int i = line.indexOf("used ");
      if (i >= 0 && (line.contains("heap") || line.contains("generation"))) {
        String num = line.substring(i + 5).replaceAll("^([0-9]+)K.*$", "$1");
        if (num.matches("[0-9]+")) {
          usedKib += Long.parseLong(num);
        }
      }
    }
    return usedKib / 1024.0;
  }

  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
