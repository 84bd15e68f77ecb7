package org.vimana.guest.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.vimana.agent.ext.ExecExited;
import org.vimana.agent.ext.VimanaCommands;
import org.vimana.agent.qga.GuestExec;
import org.vimana.agent.wire.Event;

/** Runs guest-exec processes; bounded in processes tracked and output kept. Thread-safe. */
public final class ExecManager {
  private final int maxTracked;
  private final int outputLimit;
  private final Clock clock;
  private final Map<Long, Tracked> tracked = new LinkedHashMap<>();

  /** A started process and, once it ended, its final status. */
  private static final class Tracked {
    final Process process;
    volatile GuestExec.Status finished;

    Tracked(Process process) {
      this.process = process;
    }
  }

  public ExecManager(int maxTracked, int outputLimit, Clock clock) {
    this.maxTracked = maxTracked;
    this.outputLimit = outputLimit;
    this.clock = clock;
    preferVfork();
  }

  static final String LAUNCH_MECHANISM = "jdk.lang.Process.launchMechanism";

  /**
   * Starts processes with vfork + exec instead of the JDK's default posix_spawn of its
   * jspawnhelper, which then execs the command: one exec (of a dynamically linked helper) less per
   * guest-exec, 0.93 instead of 1.52 ms on a host and far more under TCG, where batch operations
   * run. Left alone when set already, and from JDK 22 on, which deprecate VFORK. The JDK reads the
   * property once, at its first process start: this runs when the agent is wired, before.
   */
  static void preferVfork() {
    if (System.getProperty(LAUNCH_MECHANISM) == null && Runtime.version().feature() <= 21) {
      System.setProperty(LAUNCH_MECHANISM, "VFORK");
    }
  }

  /**
   * Starts a process; {@code onExit} receives the VIMANA_EXEC_EXITED event when it ends (it is also
   * kept for guest-exec-status until reaped).
   */
  public long start(GuestExec.Args args, Consumer<Event> onExit) throws IOException {
    synchronized (tracked) {
      evictReaped();
      if (tracked.size() >= maxTracked) {
        throw new IOException(
            "too many guest-exec processes tracked ("
                + maxTracked
                + "); collect finished ones with guest-exec-status first");
      }
    }
    ProcessBuilder pb = new ProcessBuilder();
    pb.command().add(args.path());
    if (args.arg() != null) {
      pb.command().addAll(args.arg());
    }
    if (args.env() != null) {
      pb.environment().clear();
      for (String e : args.env()) {
        int eq = e.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("env entry '" + e + "' is not NAME=value");
        }
        pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
      }
    }
    byte[] input = args.inputData() == null ? null : Base64.getDecoder().decode(args.inputData());
    if (!args.captureOutput()) {
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    Process p = pb.start();
    long pid = p.pid();
    Tracked t = new Tracked(p);
    synchronized (tracked) {
      tracked.put(pid, t);
    }
    OutputCapture out =
        args.captureOutput()
            ? new OutputCapture(p.getInputStream(), outputLimit, "exec-out " + pid)
            : null;
    OutputCapture err =
        args.captureOutput()
            ? new OutputCapture(p.getErrorStream(), outputLimit, "exec-err " + pid)
            : null;
    feedInput(p, input);
    // The JDK's process reaper sees the exit; no thread of our own per process just to wait.
    // await() keeps every failure to itself, so the future has nothing to report.
    var unused = p.onExit().thenRun(() -> await(pid, t, out, err, onExit));
    return pid;
  }

  private static void feedInput(Process p, byte[] input) {
    try (OutputStream stdin = p.getOutputStream()) {
      if (input != null) {
        stdin.write(input);
      }
    } catch (IOException e) {
      // the process did not read its input: its business
    }
  }

  private void await(
      long pid, Tracked t, OutputCapture out, OutputCapture err, Consumer<Event> onExit) {
    try {
      int code = t.process.waitFor();
      if (out != null) {
        out.join(5000);
        err.join(5000);
      }
      Base64.Encoder b64 = Base64.getEncoder();
      GuestExec.Status status =
          new GuestExec.Status(
              true,
              (long) code,
              null,
              out == null ? null : b64.encodeToString(out.bytes()),
              err == null ? null : b64.encodeToString(err.bytes()),
              out == null ? null : out.truncated(),
              err == null ? null : err.truncated());
      t.finished = status;
      onExit.accept(
          new Event(
              VimanaCommands.EVENT_EXEC_EXITED,
              new ExecExited(pid, status).toJson(),
              clock.instant()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // a failing event sink (closed connection) must not lose the status: it is kept above
    }
  }

  /** guest-exec-status: running, or the final status (then forgotten, as qemu-ga reaps). */
  public GuestExec.Status status(long pid) {
    synchronized (tracked) {
      Tracked t = tracked.get(pid);
      if (t == null) {
        throw new IllegalArgumentException("Invalid parameter 'pid': no guest-exec process " + pid);
      }
      GuestExec.Status s = t.finished;
      if (s == null) {
        return new GuestExec.Status(false, null, null, null, null, null, null);
      }
      tracked.remove(pid);
      return s;
    }
  }

  /** Finished processes nobody asked about are dropped oldest first when the table is full. */
  private void evictReaped() {
    if (tracked.size() < maxTracked) {
      return;
    }
    tracked.values().removeIf(t -> t.finished != null && tracked.size() >= maxTracked);
  }

  public int trackedCount() {
    synchronized (tracked) {
      return tracked.size();
    }
  }
}
