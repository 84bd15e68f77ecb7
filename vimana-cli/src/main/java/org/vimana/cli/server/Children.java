package org.vimana.cli.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs running {@code vimana} subcommands with the same java binary and classpath as this
 * process, each logging to its own file. Ends only the processes it started, by their handles.
 */
final class Children implements AutoCloseable {
  private final Path logDir;
  private final List<String> jvmOptions;
  private final Map<String, Process> processes = new LinkedHashMap<>();

  Children(Path logDir, List<String> jvmOptions) {
    this.logDir = logDir;
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  /** Starts {@code vimana args...} as child {@code name}; its output goes to {@link #log}. */
  synchronized Process start(String name, List<String> args) throws IOException {
    Files.createDirectories(logDir);
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.vimana.cli.Main");
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    processes.put(name, p);
    return p;
  }

  Path log(String name) {
    return logDir.resolve(name + ".log");
  }

  synchronized Map<String, Process> all() {
    return new LinkedHashMap<>(processes);
  }

  /** The last {@code lines} lines of a child's log, for error messages. */
  String tail(String name, int lines) {
    try {
      List<String> all = Files.readAllLines(log(name));
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM to every child (nodes first, in reverse start order), SIGKILL after 10 s. */
  @Override
  public synchronized void close() {
    List<Process> reversed = new ArrayList<>(processes.values());
    java.util.Collections.reverse(reversed);
    for (Process p : reversed) {
      p.destroy();
    }
    for (Process p : reversed) {
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
