package org.vimana.lab;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.vimana.agent.client.AgentClient;
import org.vimana.agent.client.AgentException;
import org.vimana.agent.ext.ExecExited;
import org.vimana.agent.ext.VimanaCommands;
import org.vimana.agent.qga.GuestExec;
import org.vimana.agent.qga.QgaCommands;
import org.vimana.agent.wire.Event;

/**
 * Ground truth from inside a guest: busybox commands run through guest-exec, their results taken
 * from the {@code VIMANA_EXEC_EXITED} event the agent pushes (never from guest-exec-status). Used
 * by the lab tests and the agent footprint benchmark.
 */
public final class GuestShell {
  /** What a finished command printed and returned. */
  public record Result(long pid, long exitCode, String out, String err) {}

  private final AgentClient agent;
  private final Map<Long, CompletableFuture<ExecExited>> exits = new ConcurrentHashMap<>();

  public GuestShell(AgentClient agent) {
    this.agent = agent;
    agent.addEventListener(this::onEvent);
  }

  private void onEvent(Event e) {
    if (e.name().equals(VimanaCommands.EVENT_EXEC_EXITED)) {
      ExecExited x = ExecExited.fromJson(e.data());
      future(x.pid()).complete(x);
    }
  }

  private CompletableFuture<ExecExited> future(long pid) {
    return exits.computeIfAbsent(pid, p -> new CompletableFuture<>());
  }

  /** Starts {@code argv} without waiting; returns its pid. */
  public long start(String... argv) throws AgentException {
    GuestExec.Started s =
        agent.call(
            QgaCommands.EXEC,
            GuestExec.Args.of(argv[0], List.of(argv).subList(1, argv.length), true));
    return s.pid();
  }

  /** The pushed exit of {@code pid}; fails when no event comes within {@code timeout}. */
  public Result await(long pid, Duration timeout) throws Exception {
    ExecExited x = future(pid).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    exits.remove(pid);
    GuestExec.Status s = x.status();
    return new Result(
        pid, s.exitcode() == null ? -1 : s.exitcode(), decode(s.outData()), decode(s.errData()));
  }

  /** Runs {@code argv} and returns its result; fails unless it exits 0. */
  public Result run(String... argv) throws Exception {
    Result r = await(start(argv), Duration.ofSeconds(60));
    if (r.exitCode() != 0) {
      throw new AssertionError(
          String.join(" ", argv) + " exited " + r.exitCode() + ": " + r.err() + r.out());
    }
    return r;
  }

  /** Runs a busybox shell command line. */
  public String sh(String command) throws Exception {
    return run("/bin/sh", "-c", command).out();
  }

  private static String decode(String base64) {
    return base64 == null
        ? ""
        : new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
