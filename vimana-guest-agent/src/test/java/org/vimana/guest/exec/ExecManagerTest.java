package org.vimana.guest.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vimana.agent.ext.ExecExited;
import org.vimana.agent.ext.VimanaCommands;
import org.vimana.agent.qga.GuestExec;
import org.vimana.agent.wire.Event;

class ExecManagerTest {
  private final BlockingQueue<Event> events = new ArrayBlockingQueue<>(10);

  private static String text(String b64) {
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }

  @Test
  void pushesExitCodeAndOutputWhenTheProcessEnds() throws Exception {
    ExecManager m = new ExecManager(8, 1024, Clock.systemUTC());
    String stdin =
        Base64.getEncoder().encodeToString("from-stdin".getBytes(StandardCharsets.UTF_8));
    long pid =
        m.start(
            new GuestExec.Args(
                "/bin/sh", List.of("-c", "cat; echo; echo oops >&2; exit 3"), null, stdin, true),
            events::add);
    Event e = events.poll(10, TimeUnit.SECONDS);
    assertThat(e).isNotNull();
    assertThat(e.name()).isEqualTo(VimanaCommands.EVENT_EXEC_EXITED);
    ExecExited x = ExecExited.fromJson(e.data());
    assertThat(x.pid()).isEqualTo(pid);
    assertThat(x.status().exitcode()).isEqualTo(3);
    assertThat(text(x.status().outData())).isEqualTo("from-stdin\n");
    assertThat(text(x.status().errData())).isEqualTo("oops\n");
    // the same status once through guest-exec-status, which then reaps it
    assertThat(m.status(pid).exitcode()).isEqualTo(3);
    assertThatThrownBy(() -> m.status(pid)).hasMessageContaining("no guest-exec process");
  }

  @Test
  void boundsCapturedOutput() throws Exception {
    ExecManager m = new ExecManager(8, 100, Clock.systemUTC());
    m.start(
        new GuestExec.Args("/bin/sh", List.of("-c", "head -c 100000 /dev/zero"), null, null, true),
        events::add);
    ExecExited x = ExecExited.fromJson(events.poll(10, TimeUnit.SECONDS).data());
    assertThat(Base64.getDecoder().decode(x.status().outData())).hasSize(100);
    assertThat(x.status().outTruncated()).isTrue();
    assertThat(x.status().exitcode()).isZero();
  }

  @Test
  void reportsRunningAndReplacesEnvironment() throws Exception {
    ExecManager m = new ExecManager(8, 1024, Clock.systemUTC());
    long pid =
        m.start(
            new GuestExec.Args(
                "/bin/sh",
                List.of("-c", "sleep 0.3; echo $ONLY$HOME"),
                List.of("ONLY=x"),
                null,
                true),
            events::add);
    assertThat(m.status(pid).exited()).isFalse();
    ExecExited x = ExecExited.fromJson(events.poll(10, TimeUnit.SECONDS).data());
    assertThat(text(x.status().outData())).isEqualTo("x\n");
    assertThat(x.status().outData()).isNotNull();
  }

  @Test
  void startsProcessesWithVforkUnlessToldOtherwise() {
    String before = System.getProperty(ExecManager.LAUNCH_MECHANISM);
    try {
      System.clearProperty(ExecManager.LAUNCH_MECHANISM);
      ExecManager.preferVfork();
      assertThat(System.getProperty(ExecManager.LAUNCH_MECHANISM)).isEqualTo("VFORK"); // JDK 17
      System.setProperty(ExecManager.LAUNCH_MECHANISM, "POSIX_SPAWN");
      ExecManager.preferVfork();
      assertThat(System.getProperty(ExecManager.LAUNCH_MECHANISM)).isEqualTo("POSIX_SPAWN");
    } finally {
      if (before == null) {
        System.clearProperty(ExecManager.LAUNCH_MECHANISM);
      } else {
        System.setProperty(ExecManager.LAUNCH_MECHANISM, before);
      }
    }
  }

  @Test
  void limitsTrackedProcesses() throws Exception {
    ExecManager m = new ExecManager(1, 10, Clock.systemUTC());
    long pid = m.start(GuestExec.Args.of("/bin/sleep", List.of("5"), false), events::add);
    assertThatThrownBy(() -> m.start(GuestExec.Args.of("/bin/true", null, false), events::add))
        .hasMessageContaining("too many guest-exec processes");
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    assertThat(events.poll(10, TimeUnit.SECONDS)).isNotNull();
    assertThatThrownBy(
            () ->
                m.start(
                    new GuestExec.Args("/bin/true", null, List.of("BAD"), null, false),
                    events::add))
        .hasMessageContaining("not NAME=value");
  }
}
