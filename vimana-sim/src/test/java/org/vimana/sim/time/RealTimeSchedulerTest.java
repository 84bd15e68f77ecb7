package org.vimana.sim.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RealTimeSchedulerTest {

  @Test
  void runsTasksAfterTheirDelayOnADaemonThreadAndSurvivesFailingTasks() throws Exception {
    try (RealTimeScheduler s = new RealTimeScheduler()) {
      CountDownLatch done = new CountDownLatch(1);
      AtomicBoolean daemon = new AtomicBoolean();
      s.schedule(
          () -> {
            throw new IllegalStateException("task bug");
          },
          Duration.ZERO);
      s.schedule(
          () -> {
            daemon.set(Thread.currentThread().isDaemon());
            done.countDown();
          },
          Duration.ofMillis(20));

      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(daemon).isTrue();
    }
  }

  @Test
  void cancelledTasksDoNotRunAndClosedSchedulersRefuseWork() throws Exception {
    RealTimeScheduler s = new RealTimeScheduler();
    CountDownLatch ran = new CountDownLatch(1);
    ScheduledTask t = s.schedule(ran::countDown, Duration.ofMillis(50));

    assertThat(t.cancel()).isTrue();
    assertThat(ran.await(150, TimeUnit.MILLISECONDS)).isFalse();
    s.close();
    assertThatThrownBy(() -> s.schedule(() -> {}, Duration.ZERO))
        .isInstanceOf(IllegalStateException.class);
  }
}
