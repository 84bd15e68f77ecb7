package org.vimana.node.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vimana.node.agent.Readiness.NO_CHANNEL;
import static org.vimana.node.agent.Readiness.READY;
import static org.vimana.node.agent.Readiness.UNRESPONSIVE;
import static org.vimana.node.agent.Readiness.WAITING;
import static org.vimana.node.agent.ReadinessMachine.Signal.ANSWERED;
import static org.vimana.node.agent.ReadinessMachine.Signal.BOOTED;
import static org.vimana.node.agent.ReadinessMachine.Signal.SILENT;
import static org.vimana.node.agent.ReadinessMachine.Signal.STOPPED;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vimana.node.agent.ReadinessMachine.Signal;

class ReadinessMachineTest {
  /** Every state x signal: the whole transition table, as the class comment draws it. */
  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(NO_CHANNEL, BOOTED, WAITING),
        Arguments.of(NO_CHANNEL, ANSWERED, NO_CHANNEL),
        Arguments.of(NO_CHANNEL, SILENT, NO_CHANNEL),
        Arguments.of(NO_CHANNEL, STOPPED, NO_CHANNEL),
        Arguments.of(WAITING, BOOTED, WAITING),
        Arguments.of(WAITING, ANSWERED, READY),
        Arguments.of(WAITING, SILENT, WAITING),
        Arguments.of(WAITING, STOPPED, NO_CHANNEL),
        Arguments.of(READY, BOOTED, WAITING),
        Arguments.of(READY, ANSWERED, READY),
        Arguments.of(READY, SILENT, UNRESPONSIVE),
        Arguments.of(READY, STOPPED, NO_CHANNEL),
        Arguments.of(UNRESPONSIVE, BOOTED, WAITING),
        Arguments.of(UNRESPONSIVE, ANSWERED, READY),
        Arguments.of(UNRESPONSIVE, SILENT, UNRESPONSIVE),
        Arguments.of(UNRESPONSIVE, STOPPED, NO_CHANNEL));
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @MethodSource("table")
  void transitions(Readiness from, Signal signal, Readiness to) {
    assertThat(ReadinessMachine.next(from, signal)).isEqualTo(to);
    ReadinessMachine m = machineIn(from, new ManualClock());
    m.apply(signal);
    assertThat(m.state()).isEqualTo(to);
  }

  @Test
  void theTableCoversEveryStateAndSignal() {
    assertThat(table().count())
        .isEqualTo((long) Readiness.values().length * Signal.values().length);
  }

  @Test
  void readyAfterIsTheTimeFromBootToTheFirstAnswer() {
    ManualClock clock = new ManualClock();
    ReadinessMachine m = new ReadinessMachine(clock);
    assertThat(m.readyAfter()).isEmpty();
    m.apply(BOOTED);
    clock.advance(Duration.ofMillis(700));
    m.apply(SILENT); // an attempt before the agent ran
    assertThat(m.state()).isEqualTo(WAITING);
    clock.advance(Duration.ofMillis(2_300));
    assertThat(m.apply(ANSWERED)).isTrue();
    assertThat(m.readyAfter()).contains(Duration.ofSeconds(3));
    assertThat(m.since()).isEqualTo(clock.instant());

    // Unresponsive and back: the boot time stays what it was.
    clock.advance(Duration.ofSeconds(60));
    assertThat(m.apply(SILENT)).isTrue();
    assertThat(m.state()).isEqualTo(UNRESPONSIVE);
    clock.advance(Duration.ofSeconds(5));
    m.apply(ANSWERED);
    assertThat(m.readyAfter()).contains(Duration.ofSeconds(3));

    // A reboot restarts the clock; the answer after it sets a new time.
    m.apply(BOOTED);
    assertThat(m.state()).isEqualTo(WAITING);
    assertThat(m.readyAfter()).isEmpty();
    clock.advance(Duration.ofMillis(1_250));
    m.apply(ANSWERED);
    assertThat(m.readyAfter()).contains(Duration.ofMillis(1_250));

    m.apply(STOPPED);
    assertThat(m.state()).isEqualTo(NO_CHANNEL);
    assertThat(m.readyAfter()).isEmpty();
  }

  @Test
  void onlyChangesAndBootsCountAsChanges() {
    ReadinessMachine m = new ReadinessMachine(new ManualClock());
    assertThat(m.apply(ANSWERED)).isFalse(); // ignored without a channel
    assertThat(m.apply(BOOTED)).isTrue();
    assertThat(m.apply(BOOTED)).isTrue(); // the clock restarts
    assertThat(m.apply(SILENT)).isFalse();
    assertThat(m.apply(ANSWERED)).isTrue();
    assertThat(m.apply(ANSWERED)).isFalse();
  }

  private static ReadinessMachine machineIn(Readiness state, ManualClock clock) {
    ReadinessMachine m = new ReadinessMachine(clock);
    switch (state) {
      case NO_CHANNEL -> {}
      case WAITING -> m.apply(BOOTED);
      case READY -> {
        m.apply(BOOTED);
        m.apply(ANSWERED);
      }
      case UNRESPONSIVE -> {
        m.apply(BOOTED);
        m.apply(ANSWERED);
        m.apply(SILENT);
      }
    }
    assertThat(m.state()).isEqualTo(state);
    return m;
  }
}
