package org.vimana.driver.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.event.VmEvent;
import org.vimana.core.event.VmEventType;
import org.vimana.core.stats.HostStats;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;

/**
 * The driver against libvirt's built-in test driver (test:///default, in-process, no daemon): needs
 * only the libvirt0 shared library (vimana-lab/scripts/install-lab-deps.sh).
 */
class LibvirtTestDriverIT {
  @TempDir Path tmp;
  private LibvirtHypervisor hv;
  private final BlockingQueue<VmEvent> events = new LinkedBlockingQueue<>();

  @BeforeEach
  void open() throws Exception {
    hv =
        (LibvirtHypervisor)
            new LibvirtHypervisorProvider()
                .open(
                    "test-host",
                    Map.of(
                        "uri", "test:///default",
                        "state-dir", tmp.resolve("state").toString(),
                        "disk-dir", tmp.resolve("disks").toString(),
                        "image-dir", tmp.resolve("images").toString()));
    hv.addListener(events::add);
  }

  @AfterEach
  void close() {
    hv.close();
  }

  private VmEvent next(String vmId, VmEventType type) throws InterruptedException {
    Instant deadline = Clock.systemUTC().instant().plus(Duration.ofSeconds(5));
    while (Clock.systemUTC().instant().isBefore(deadline)) {
      VmEvent e = events.poll(100, TimeUnit.MILLISECONDS);
      if (e != null && e.vmId().equals(vmId) && e.type() == type) {
        return e;
      }
    }
    throw new AssertionError("no " + type + " event for " + vmId + " within 5 s");
  }

  @Test
  void hostIsDescribed() {
    assertThat(hv.host().driver()).isEqualTo("libvirt");
    assertThat(hv.host().hypervisor()).startsWith("TEST ");
    assertThat(hv.host().capacity().cpuCores()).isPositive();
  }

  @Test
  void lifecycleListAndEvents() throws Exception {
    String id = UUID.randomUUID().toString();
    VmSpec spec = new VmSpec("it-vm", 1, 64, 0, "", null, Map.of("k", "v"));

    VmStatus defined = hv.define(id, spec);
    assertThat(defined.state()).isEqualTo(VmState.DEFINED);
    assertThat(hv.find(id)).map(VmStatus::spec).contains(spec);
    assertThat(hv.list()).extracting(VmStatus::id).contains(id);
    next(id, VmEventType.DEFINED);

    hv.start(id);
    next(id, VmEventType.STARTED);
    assertThat(hv.find(id).orElseThrow().state()).isEqualTo(VmState.RUNNING);

    hv.suspend(id);
    assertThat(next(id, VmEventType.SUSPENDED).state()).isEqualTo(VmState.PAUSED);
    hv.resume(id);
    next(id, VmEventType.RESUMED);

    HostStats stats = hv.stats();
    assertThat(stats.vms()).extracting(v -> v.vmId()).contains(id);

    assertThatThrownBy(() -> hv.undefine(id))
        .isInstanceOf(HypervisorException.class)
        .hasMessageContaining("running")
        .satisfies(
            e -> assertThat(((HypervisorException) e).reason()).isEqualTo(Reason.INVALID_STATE));

    hv.destroy(id);
    next(id, VmEventType.STOPPED);
    assertThat(hv.find(id).orElseThrow().state()).isEqualTo(VmState.STOPPED);
    hv.undefine(id);
    assertThat(hv.find(id)).isEmpty();
  }

  @Test
  void errorsSayWhatIsWrong() throws Exception {
    String id = UUID.randomUUID().toString();
    assertThatThrownBy(() -> hv.start(id))
        .satisfies(e -> assertThat(((HypervisorException) e).reason()).isEqualTo(Reason.NOT_FOUND));
    VmSpec spec = new VmSpec("dup-vm", 1, 64, 0, "", null, Map.of());
    hv.define(id, spec);
    try {
      assertThatThrownBy(() -> hv.define(UUID.randomUUID().toString(), spec))
          .satisfies(
              e -> assertThat(((HypervisorException) e).reason()).isEqualTo(Reason.ALREADY_EXISTS));
      assertThatThrownBy(() -> hv.suspend(id)).hasMessageContaining("defined");
      assertThatThrownBy(
              () ->
                  hv.define(
                      UUID.randomUUID().toString(), new VmSpec("x", 1, 64, 0, "nope", null, null)))
          .satisfies(
              e -> assertThat(((HypervisorException) e).reason()).isEqualTo(Reason.NOT_FOUND))
          .hasMessageContaining("nope");
      assertThatThrownBy(() -> hv.define("not-a-uuid", new VmSpec("y", 1, 64, 0, "", null, null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not-a-uuid");
    } finally {
      hv.undefine(id);
    }
  }

  @Test
  void statsAreOneSampleOfAllRunningDomains() throws Exception {
    List<String> running =
        hv.list().stream().filter(v -> v.state() == VmState.RUNNING).map(VmStatus::id).toList();
    HostStats stats = hv.stats();
    assertThat(stats.vms()).extracting(v -> v.vmId()).containsExactlyInAnyOrderElementsOf(running);
  }
}
