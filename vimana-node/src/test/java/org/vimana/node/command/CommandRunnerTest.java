package org.vimana.node.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.vm.VmSpec;
import org.vimana.node.driver.Drivers;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.DefineVm;
import org.vimana.rpc.ErrorKind;
import org.vimana.rpc.mapping.WireMapper;

class CommandRunnerTest {
  private final Hypervisor sim = open();
  private final CommandDispatcher dispatcher = new CommandDispatcher(sim);

  private static Hypervisor open() {
    try {
      return Drivers.open("sim", "h1", Map.of());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @AfterEach
  void close() {
    sim.close();
  }

  private static Command define(String id) {
    return Command.newBuilder()
        .setRequestId("r-" + id)
        .setDefine(
            DefineVm.newBuilder()
                .setVmId(id)
                .setSpec(WireMapper.toWire(new VmSpec("n" + id, 1, 256, 1, "", null, Map.of()))))
        .build();
  }

  private static CommandResult result(CompletableFuture<CommandResult> f) throws Exception {
    return f.get(5, TimeUnit.SECONDS);
  }

  @Test
  void runsTheCommandOnAWorkerAndRepliesOnce() throws Exception {
    List<Runnable> queued = new ArrayList<>();
    Executor worker = queued::add;
    CompletableFuture<CommandResult> reply = new CompletableFuture<>();
    new CommandRunner(dispatcher, worker, Duration.ofSeconds(5))
        .submit(define("v1"), reply::complete);

    assertThat(reply).isNotDone();
    assertThat(sim.find("v1")).isEmpty();
    queued.forEach(Runnable::run);
    assertThat(result(reply).getOk()).isTrue();
    assertThat(result(reply).getRequestId()).isEqualTo("r-v1");
    assertThat(sim.find("v1")).isPresent();
  }

  @Test
  void aHypervisorThatDoesNotAnswerInTimeGivesAFailedResult() throws Exception {
    Executor never = r -> {};
    CompletableFuture<CommandResult> reply = new CompletableFuture<>();
    new CommandRunner(dispatcher, never, Duration.ofMillis(20))
        .submit(define("v1"), reply::complete);

    CommandResult r = result(reply);
    assertThat(r.getOk()).isFalse();
    assertThat(r.getError()).isEqualTo(ErrorKind.ERROR_FAILED);
    assertThat(r.getRequestId()).isEqualTo("r-v1");
    assertThat(r.getMessage()).contains("did not answer within");
  }

  @Test
  void aRefusingExecutorStillGetsAnAnswer() throws Exception {
    Executor refusing =
        r -> {
          throw new RejectedExecutionException("shut down");
        };
    CompletableFuture<CommandResult> reply = new CompletableFuture<>();
    new CommandRunner(dispatcher, refusing, Duration.ofSeconds(5))
        .submit(define("v1"), reply::complete);

    assertThat(result(reply).getError()).isEqualTo(ErrorKind.ERROR_FAILED);
    assertThat(result(reply).getMessage()).contains("shutting down");
  }
}
