package org.vimana.sim.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualTimeSchedulerTest {
  private final VirtualTimeScheduler clock = new VirtualTimeScheduler();
  private final List<String> ran = new ArrayList<>();

  private Runnable record(String name) {
    return () ->
        ran.add(
            name
                + "@"
                + Duration.between(VirtualTimeScheduler.DEFAULT_START, clock.now()).toMillis());
  }

  @Test
  void runsDueTasksInTimeOrderThenSchedulingOrderAtTheirDueTime() {
    clock.schedule(record("c"), Duration.ofSeconds(3));
    clock.schedule(record("a"), Duration.ofSeconds(1));
    clock.schedule(record("b1"), Duration.ofSeconds(2));
    clock.schedule(record("b2"), Duration.ofSeconds(2));

    clock.advanceBy(Duration.ofMillis(2500));

    assertThat(ran).containsExactly("a@1000", "b1@2000", "b2@2000");
    assertThat(clock.now()).isEqualTo(VirtualTimeScheduler.DEFAULT_START.plusMillis(2500));
    assertThat(clock.pending()).isEqualTo(1);
    assertThat(clock.nextDueAt()).contains(VirtualTimeScheduler.DEFAULT_START.plusSeconds(3));
  }

  @Test
  void tasksScheduledByTasksRunInTheSameAdvanceWhenDue() {
    clock.schedule(
        () -> {
          ran.add("first");
          clock.schedule(record("second"), Duration.ofSeconds(1));
          clock.schedule(record("late"), Duration.ofSeconds(10));
        },
        Duration.ofSeconds(1));

    clock.advanceBy(Duration.ofSeconds(5));

    assertThat(ran).containsExactly("first", "second@2000");
    assertThat(clock.pending()).isEqualTo(1);
  }

  @Test
  void cancelledTasksDoNotRun() {
    ScheduledTask t = clock.schedule(record("x"), Duration.ofSeconds(1));

    assertThat(t.cancel()).isTrue();
    assertThat(t.cancel()).isFalse();
    clock.advanceBy(Duration.ofSeconds(2));

    assertThat(ran).isEmpty();
    assertThat(clock.pending()).isZero();
    assertThat(clock.nextDueAt()).isEmpty();
  }

  @Test
  void aTaskThatRanCannotBeCancelled() {
    ScheduledTask t = clock.schedule(record("x"), Duration.ZERO);
    clock.advanceBy(Duration.ZERO);

    assertThat(ran).containsExactly("x@0");
    assertThat(t.cancel()).isFalse();
  }

  @Test
  void runNextJumpsToTheNextDueTime() {
    clock.schedule(record("a"), Duration.ofHours(5));

    assertThat(clock.runNext()).isTrue();
    assertThat(ran).containsExactly("a@18000000");
    assertThat(clock.runNext()).isFalse();
  }

  @Test
  void refusesToGoBackOrToScheduleInThePast() {
    Instant start = clock.now();
    clock.advanceBy(Duration.ofSeconds(1));

    assertThatThrownBy(() -> clock.runUntil(start)).hasMessageContaining("back in time");
    assertThatThrownBy(() -> clock.schedule(() -> {}, Duration.ofSeconds(-1)))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> clock.advanceBy(Duration.ofSeconds(-1)))
        .hasMessageContaining("negative");
  }

  @Test
  void clockViewReadsSchedulerTime() {
    clock.advanceBy(Duration.ofMinutes(1));

    assertThat(clock.clock().instant()).isEqualTo(clock.now());
    assertThat(clock.clock().withZone(java.time.ZoneId.of("Europe/Paris")).instant())
        .isEqualTo(clock.now());
  }

  @Test
  void manyEventsRunInDueOrder() {
    List<Instant> seen = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      clock.schedule(() -> seen.add(clock.now()), Duration.ofMillis((i * 7919L) % 10_000));
    }
    clock.advanceBy(Duration.ofHours(1));

    assertThat(seen).hasSize(100_000).isSorted();
  }
}
