package org.vimana.node.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.vm.VmSpec;
import org.vimana.node.driver.Drivers;
import org.vimana.rpc.NodeMessage;
import org.vimana.rpc.NodeMessage.BodyCase;

/** Heartbeats and stats on a real sim host, at the shortest intervals the node accepts. */
class TelemetryTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(42_000), ZoneOffset.UTC);

  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final RecordingOutbox out = new RecordingOutbox();
  private Hypervisor sim;
  private Telemetry telemetry;

  @AfterEach
  void tearDown() {
    if (telemetry != null) {
      telemetry.close();
    }
    timers.shutdownNow();
    if (sim != null) {
      sim.close();
    }
  }

  private void start() throws Exception {
    sim = Drivers.open("sim", "h1", Map.of("boot-seconds", "0"));
    sim.define("v1", new VmSpec("web", 1, 512, 1, "", null, Map.of()));
    sim.start("v1");
    telemetry = Telemetry.start(sim, out, CLOCK, timers, Runnable::run, Intervals.ofMillis(20, 20));
  }

  @Test
  void sendsHeartbeatsStampedByTheClockAndBulkStatsOfTheHost() throws Exception {
    start();
    assertThat(out.await(BodyCase.HEARTBEAT, 2))
        .allSatisfy(m -> assertThat(m.getHeartbeat().getSentAtMs()).isEqualTo(42_000));
    NodeMessage stats = out.await(BodyCase.STATS, 2).get(0);
    assertThat(stats.getStats().getVmsList())
        .singleElement()
        .satisfies(v -> assertThat(v.getVmId()).isEqualTo("v1"));
  }

  @Test
  void aCongestedLinkSkipsStatsButKeepsTheHeartbeat() throws Exception {
    out.congested(true);
    start();
    out.await(BodyCase.HEARTBEAT, 3);
    assertThat(out.sent(BodyCase.STATS)).isEmpty();
    out.congested(false);
    out.await(BodyCase.STATS, 1);
  }

  @Test
  void closeStopsBothTimers() throws Exception {
    start();
    out.await(BodyCase.HEARTBEAT, 1);
    telemetry.close();
    // Let a tick that was already running finish, then count.
    timers.submit(() -> {}).get();
    int heartbeats = out.sent(BodyCase.HEARTBEAT).size();
    int stats = out.sent(BodyCase.STATS).size();
    // Three intervals later nothing more came.
    timers.schedule(() -> {}, 60, TimeUnit.MILLISECONDS).get();
    assertThat(out.sent(BodyCase.HEARTBEAT)).hasSize(heartbeats);
    assertThat(out.sent(BodyCase.STATS)).hasSize(stats);
  }
}
