package org.vimana.guest.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.agent.ext.StatusRequest;
import org.vimana.agent.ext.StatusSection;
import org.vimana.agent.ext.StatusSnapshot;
import org.vimana.guest.Fixtures;
import org.vimana.guest.proc.Filesystems;
import org.vimana.guest.proc.Processes;
import org.vimana.guest.proc.SystemRoot;

class StatusCollectorTest {
  @TempDir Path dir;

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.ofEpochSecond(1_000));

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  @Test
  void firstSnapshotHasTotalsSecondHasRates() throws Exception {
    SystemRoot root = Fixtures.copy(dir);
    ManualClock clock = new ManualClock();
    StatusCollector c = collector(root, clock);
    StatusSnapshot first = c.snapshot(new StatusRequest(2, List.of("cron")));
    assertThat(first.intervalSeconds()).isZero();
    assertThat(first.uptimeSeconds()).isEqualTo(3600.5);
    assertThat(first.memory().totalBytes()).isEqualTo(2035152L * 1024);
    assertThat(first.disks()).extracting(d -> d.name()).containsExactly("vda", "vda1");
    assertThat(first.disks().get(0).readBytes()).isEqualTo(1376730L * 512);
    assertThat(first.filesystems()).hasSize(2);
    assertThat(first.sockets()).hasSize(4);
    assertThat(first.services()).extracting(s -> s.name()).containsExactly("ssh", "cron");
    assertThat(first.processes()).hasSize(2);
    // first sample: CPU averaged since boot
    assertThat(first.cpu().usagePercent())
        .isEqualTo(100.0 * (9410 - 8050) / 9410, org.assertj.core.data.Offset.offset(0.01));

    // 2 seconds later: eth0 received 2000 bytes, vda read 40 sectors, bash used 50 ticks
    clock.now.set(clock.now.get().plusSeconds(2));
    replace(root.path("proc/net/dev"), "1234567    1000", "1236567    1010");
    replace(root.path("proc/diskstats"), "vda 11384 3 1376730", "vda 11390 3 1376770");
    replace(root.path("proc/4242/stat"), " 300 100 ", " 340 110 ");
    replace(
        root.path("proc/stat"),
        "cpu  1000 20 300 8000 50 0 30 10 0 0",
        "cpu  1100 20 300 8100 50 0 30 10 0 0");
    StatusSnapshot second = c.snapshot(new StatusRequest(1, List.of()));
    assertThat(second.intervalSeconds()).isEqualTo(2.0);
    assertThat(second.interfaces().get(1).rxBytesPerSecond()).isEqualTo(1000.0);
    assertThat(second.disks().get(0).readBytesPerSecond()).isEqualTo(40 * 512 / 2.0);
    assertThat(second.cpu().usagePercent()).isEqualTo(50.0);
    assertThat(second.processes())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.pid()).isEqualTo(4242);
              assertThat(p.cpuPercent()).isEqualTo(25.0); // 50 ticks in 2 s = 0.25 CPU
              assertThat(p.uid()).isEqualTo(1000);
              assertThat(p.rssBytes()).isEqualTo(800 * 4096); // stat: 800 pages = VmRSS
            });
  }

  @Test
  void aRequestForSomeSectionsReadsOnlyThoseAndRatesKeepTheirOwnTime() throws Exception {
    SystemRoot root = Fixtures.copy(dir);
    ManualClock clock = new ManualClock();
    StatusCollector c = collector(root, clock);
    c.snapshot(new StatusRequest(1, List.of()));

    // a push that wants processes only: no disks, sockets, services; no socket table is read
    // (a directory where the table was would fail the read)
    Files.delete(root.path("proc/net/tcp"));
    Files.createDirectory(root.path("proc/net/tcp"));
    clock.now.set(clock.now.get().plusSeconds(1));
    StatusSnapshot push =
        c.snapshot(new StatusRequest(1, List.of(), EnumSet.of(StatusSection.PROCESSES)));
    assertThat(push.sections()).containsExactly(StatusSection.PROCESSES);
    assertThat(push.processes()).hasSize(1);
    assertThat(push.disks()).isEmpty();
    assertThat(push.sockets()).isEmpty();
    assertThat(push.services()).isEmpty();
    assertThat(push.filesystems()).isEmpty();
    assertThat(push.intervalSeconds()).isEqualTo(1.0);

    // the next full snapshot takes disk rates over the 2 s since disks were last read
    clock.now.set(clock.now.get().plusSeconds(1));
    replace(root.path("proc/diskstats"), "vda 11384 3 1376730", "vda 11390 3 1376770");
    StatusSnapshot full =
        c.snapshot(
            new StatusRequest(
                1, List.of(), EnumSet.complementOf(EnumSet.of(StatusSection.SOCKETS))));
    assertThat(full.intervalSeconds()).isEqualTo(1.0);
    assertThat(full.disks().get(0).readBytesPerSecond()).isEqualTo(40 * 512 / 2.0);
    assertThat(full.services()).extracting(s -> s.name()).containsExactly("ssh");
  }

  /** A collector on the fixture tree with "ssh" configured as a service. */
  private static StatusCollector collector(SystemRoot root, Clock clock) {
    return new StatusCollector(
        root,
        clock,
        new Processes(root),
        new Filesystems(root, Fixtures.SPACE),
        List.of("ssh"),
        List::of);
  }

  private static void replace(Path p, String from, String to) throws Exception {
    String s = Files.readString(p);
    if (!s.contains(from)) {
      throw new AssertionError(p + " lacks " + from);
    }
    Files.writeString(p, s.replace(from, to));
  }
}
