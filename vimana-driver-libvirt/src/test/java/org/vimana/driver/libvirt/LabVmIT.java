package org.vimana.driver.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.MigrationOptions;
import org.vimana.core.driver.MigrationResult;
import org.vimana.core.driver.Snapshots;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;

/**
 * Real QEMU (TCG) guests under real libvirtd's: builds the lab guest image, starts two lab hosts
 * (vimana-lab/scripts/lab-host.sh, each a libvirtd in its own mount namespace) and stops exactly
 * those in the end. Fails, never skips, when any of that cannot be done. One guest at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabVmIT {
  private static final Pattern COUNTER = Pattern.compile("vimana-counter (\\d+)");
  private static final String HOST_A = "vimana-it-a";
  private static final String HOST_B = "vimana-it-b";

  @TempDir static Path tmp;
  private Path scripts;
  private Path imageDir;
  private final List<String> startedHosts = new ArrayList<>();
  private String uriA;
  private String uriB;

  @BeforeAll
  void startHosts() throws Exception {
    scripts = Path.of(System.getProperty("vimana.lab.scripts", "../vimana-lab/scripts"));
    String image = run(scripts.resolve("build-guest-image.sh").toString());
    imageDir = Path.of(image).getParent();
    uriA = startHost(HOST_A);
    uriB = startHost(HOST_B);
  }

  @AfterAll
  void stopHosts() throws Exception {
    for (String h : startedHosts) {
      run(scripts.resolve("lab-host.sh").toString(), "stop", h);
    }
  }

  private String startHost(String name) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String uri = run(scripts.resolve("lab-host.sh").toString(), "start", name, "" + port);
    startedHosts.add(name);
    return uri;
  }

  private LibvirtHypervisor open(String host, String uri) throws HypervisorException {
    return LibvirtHypervisor.open(
        host,
        LibvirtOptions.parse(
            Map.of(
                "uri",
                uri,
                "domain-type",
                "qemu",
                "image-dir",
                imageDir.toString(),
                "disk-dir",
                tmp.resolve("disks").toString(),
                "state-dir",
                tmp.resolve("state").toString(),
                "pool",
                "vimana-it-disks",
                "migrate-unsafe",
                "true",
                "migration-target-uri",
                uri + "#tcp://127.0.0.1")),
        Clock.systemUTC());
  }

  private static VmSpec spec(String name) {
    return new VmSpec(name, 1, 96, 1, "vimana-busybox", null, Map.of());
  }

  @Test
  void bootConsoleShutdownStartSnapshotDestroy() throws Exception {
    try (LibvirtHypervisor hv = open(HOST_A, uriA)) {
      String id = UUID.randomUUID().toString();
      hv.define(id, spec("lab-vm-1"));
      Path disk = tmp.resolve("disks").resolve(id + ".qcow2");
      assertThat(disk).exists();
      try {
        long t0 = System.nanoTime();
        hv.start(id);
        int first = awaitCounter(hv, id, 1, 60);
        System.out.printf(
            "lab: boot to first console counter %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        int later = awaitCounter(hv, id, first + 2, 20);
        assertThat(later).isGreaterThan(first);
        assertThat(hv.consoleLog(id, 4096)).contains("org.vimana.agent.0");
        assertThat(hv.agentSocket(id)).contains(tmp.resolve("state").resolve(id + ".agent.sock"));

        Snapshots snaps = hv.snapshots().orElseThrow();
        int atSnapshot = lastCounter(hv, id);
        snaps.create(id, "s1", "lab snapshot");
        assertThat(snaps.list(id)).extracting(Snapshots.SnapshotInfo::name).containsExactly("s1");
        int beforeRevert = awaitCounter(hv, id, atSnapshot + 4, 30);
        snaps.revert(id, "s1");
        awaitState(hv, id, VmState.RUNNING, 30);
        // After the revert the guest counts on from the snapshot: a lower number appears again.
        awaitConsole(hv, id, c -> c.contains("vimana-counter " + (atSnapshot + 2)), 30);
        assertThat(atSnapshot + 2).isLessThan(beforeRevert);
        snaps.delete(id, "s1");
        assertThat(snaps.list(id)).isEmpty();

        long t1 = System.nanoTime();
        hv.shutdown(id);
        awaitState(hv, id, VmState.STOPPED, 60);
        System.out.printf(
            "lab: ACPI shutdown to stopped %d ms%n", (System.nanoTime() - t1) / 1_000_000);
        assertThat(hv.consoleLog(id, 4096)).contains("vimana-init: powering off");

        hv.start(id);
        awaitState(hv, id, VmState.RUNNING, 30);
        hv.destroy(id);
        awaitState(hv, id, VmState.STOPPED, 30);
      } finally {
        if (hv.find(id).isPresent()) {
          if (hv.find(id).get().state().consumesResources()) {
            hv.destroy(id);
            awaitState(hv, id, VmState.STOPPED, 30);
          }
          hv.undefine(id);
        }
      }
      assertThat(hv.find(id)).isEmpty();
      assertThat(disk).doesNotExist();
    }
  }

  @Test
  void liveMigrationBetweenTwoLabHosts() throws Exception {
    try (LibvirtHypervisor a = open(HOST_A, uriA);
        LibvirtHypervisor b = open(HOST_B, uriB)) {
      String id = UUID.randomUUID().toString();
      a.define(id, spec("lab-vm-2"));
      try {
        a.start(id);
        int before = awaitCounter(a, id, 2, 60);
        String target = b.migrator().orElseThrow().prepareIncoming(a.find(id).orElseThrow());
        MigrationResult r =
            a.migrator()
                .orElseThrow()
                .migrate(id, target, new MigrationOptions(300, 0))
                .toCompletableFuture()
                .get(120, TimeUnit.SECONDS);
        System.out.printf(
            "lab: live migration total %d ms, downtime %d ms, %d MiB%n",
            r.totalMillis(), r.downtimeMillis(), r.transferredMib());
        assertThat(b.find(id).orElseThrow().state()).isEqualTo(VmState.RUNNING);
        assertThat(a.find(id)).isEmpty();
        assertThat(r.totalMillis()).isPositive();
        // The guest keeps counting on the target.
        int after = awaitCounter(b, id, before + 3, 30);
        assertThat(after).isGreaterThan(before);
      } finally {
        for (LibvirtHypervisor hv : List.of(a, b)) {
          if (hv.find(id).isPresent()) {
            if (hv.find(id).get().state().consumesResources()) {
              hv.destroy(id);
              awaitState(hv, id, VmState.STOPPED, 30);
            }
            hv.undefine(id);
          }
        }
      }
    }
  }

  private static int lastCounter(LibvirtHypervisor hv, String id) throws HypervisorException {
    Matcher m = COUNTER.matcher(hv.consoleLog(id, 1 << 16));
    int last = 0;
    while (m.find()) {
      last = Integer.parseInt(m.group(1));
    }
    return last;
  }

  private static int awaitCounter(LibvirtHypervisor hv, String id, int atLeast, int seconds)
      throws Exception {
    awaitConsole(hv, id, c -> lastCounterIn(c) >= atLeast, seconds);
    return lastCounter(hv, id);
  }

  private static int lastCounterIn(String console) {
    Matcher m = COUNTER.matcher(console);
    int last = 0;
    while (m.find()) {
      last = Integer.parseInt(m.group(1));
    }
    return last;
  }

  private static void awaitConsole(
      LibvirtHypervisor hv, String id, java.util.function.Predicate<String> ok, int seconds)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (ok.test(hv.consoleLog(id, 1 << 16))) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new AssertionError(
        "console of "
            + id
            + " not as expected within "
            + seconds
            + " s:\n"
            + hv.consoleLog(id, 2000));
  }

  private static void awaitState(LibvirtHypervisor hv, String id, VmState state, int seconds)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (hv.find(id).map(s -> s.state() == state).orElse(false)) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new AssertionError(id + " did not reach " + state + " within " + seconds + " s");
  }

  /** Runs a lab script; fails the test with its output when it fails. Returns its last line. */
  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(
          String.join(" ", command)
              + " failed (run vimana-lab/scripts/install-lab-deps.sh first?):\n"
              + new String(err, StandardCharsets.UTF_8));
    }
    String[] lines = new String(out, StandardCharsets.UTF_8).trim().split("\n", -1);
    return lines[lines.length - 1].trim();
  }
}
