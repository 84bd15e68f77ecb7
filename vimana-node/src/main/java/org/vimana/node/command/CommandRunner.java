package org.vimana.node.command;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.ErrorKind;

/**
 * Runs commands off the gRPC thread, on a worker, so that a slow hypervisor call never blocks the
 * stream; every command gets exactly one result, a failed one after {@code timeout} if the
 * hypervisor has not answered by then (its late answer is dropped).
 */
public final class CommandRunner {
  private final CommandDispatcher dispatcher;
  private final Executor workers;
  private final Duration timeout;

  /** Room for a migration's own cancel-and-wind-down after its deadline. */
  private static final Duration MIGRATION_GRACE = Duration.ofSeconds(40);

  /** Room for an agent call's own timeout to fire first. */
  private static final Duration AGENT_GRACE = Duration.ofSeconds(5);

  public CommandRunner(CommandDispatcher dispatcher, Executor workers, Duration timeout) {
    this.dispatcher = Objects.requireNonNull(dispatcher);
    this.workers = Objects.requireNonNull(workers);
    this.timeout = Objects.requireNonNull(timeout);
  }

  /** Runs {@code command} and hands its result to {@code reply}, on a worker thread. */
  public void submit(Command command, Consumer<CommandResult> reply) {
    CompletableFuture<CommandResult> run;
    try {
      run = CompletableFuture.supplyAsync(() -> dispatcher.run(command), workers);
    } catch (RejectedExecutionException e) {
      reply.accept(failed(command, "the node is shutting down"));
      return;
    }
    Duration limit = timeoutOf(command);
    CompletableFuture<Void> unused =
        run.orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
            .exceptionally(
                t ->
                    failed(
                        command,
                        t instanceof TimeoutException
                            ? "the hypervisor did not answer within " + limit
                            : String.valueOf(t)))
            .thenAccept(reply);
  }

  /**
   * A migration carries its own time limit, which the handler enforces by cancelling; the runner
   * waits a little longer so the handler's precise answer wins over this generic one.
   */
  private Duration timeoutOf(Command command) {
    if (command.hasMigrate() && command.getMigrate().getTimeoutMs() > 0) {
      Duration own = Duration.ofMillis(command.getMigrate().getTimeoutMs()).plus(MIGRATION_GRACE);
      return own.compareTo(timeout) > 0 ? own : timeout;
    }
    if (command.hasAgent() && command.getAgent().getTimeoutMs() > 0) {
      // The agent call times out by itself; leave room for its precise answer.
      Duration own = Duration.ofMillis(command.getAgent().getTimeoutMs()).plus(AGENT_GRACE);
      return own.compareTo(timeout) > 0 ? own : timeout;
    }
    return timeout;
  }

  private static CommandResult failed(Command command, String message) {
    return CommandResult.newBuilder()
        .setRequestId(command.getRequestId())
        .setOk(false)
        .setError(ErrorKind.ERROR_FAILED)
        .setMessage(message)
        .build();
  }
}
