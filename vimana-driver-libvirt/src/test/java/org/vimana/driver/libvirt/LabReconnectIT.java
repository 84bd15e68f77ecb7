package org.vimana.driver.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.event.VmEvent;
import org.vimana.core.event.VmEventType;
import org.vimana.core.stats.VmStats;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;

/**
 * The driver across libvirtd crashes, on one lab host: its libvirtd is SIGKILLed while a real TCG
 * guest runs ({@code lab-host.sh kill}), calls fail with "unreachable; reconnecting", then libvirtd
 * is started again in the same namespace ({@code lab-host.sh restart}) and re-attaches to the
 * guest; the driver reconnects by itself, events and bulk stats resume, and the guest never
 * restarted. A second crash during which the guest dies is reported as a state change once libvirtd
 * is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabReconnectIT {
  private static final Pattern COUNTER = Pattern.compile("vimana-counter (\\d+)");
  private static final String HOST = "vimana-it-r";

  @TempDir static Path tmp;
  private Path scripts;
  private String uri;
  private LibvirtHypervisor hv;
  private final BlockingQueue<VmEvent> events = new LinkedBlockingQueue<>();

  @BeforeAll
  void startHost() throws Exception {
    scripts = Path.of(System.getProperty("vimana.lab.scripts", "../vimana-lab/scripts"));
    Path imageDir = Path.of(run("build-guest-image.sh")).getParent();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    uri = run("lab-host.sh", "start", HOST, "" + port);
    hv =
        LibvirtHypervisor.open(
            HOST,
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
                    "vimana-it-r-disks")),
            Clock.systemUTC());
    hv.addListener(events::add);
  }

  @AfterAll
  void stopHost() throws Exception {
    if (hv != null) {
      hv.close();
    }
    run("lab-host.sh", "stop", HOST);
  }

  @Test
  void theDriverReconnectsAfterLibvirtdRestartsAndEventsAndStatsResume() throws Exception {
    String id = UUID.randomUUID().toString();
    hv.define(id, new VmSpec("reconnect-vm", 1, 96, 1, "vimana-busybox", null, Map.of()));
    hv.start(id);
    await("first counts", 120, () -> lastCounter(id) >= 2);
    String domId = virsh("domid", "reconnect-vm");

    long k0 = System.nanoTime();
    run("lab-host.sh", "kill", HOST);
    await("the driver notices", 30, () -> !hv.connected());
    long detectMs = ms(k0);
    assertThatThrownBy(() -> hv.list())
        .isInstanceOf(HypervisorException.class)
        .hasMessageContaining("libvirtd at " + uri + " is unreachable; reconnecting")
        .satisfies(e -> assertThat(((HypervisorException) e).reason()).isEqualTo(Reason.FAILED));
    assertThatThrownBy(() -> hv.stats()).hasMessageContaining("unreachable; reconnecting");
    assertThatThrownBy(() -> hv.suspend(id)).hasMessageContaining("unreachable; reconnecting");

    long r0 = System.nanoTime();
    run("lab-host.sh", "restart", HOST);
    long restartMs = ms(r0);
    await("the driver reconnects", 60, () -> hv.connected());
    long reconnectMs = ms(r0) - restartMs;
    System.out.printf(
        "lab: libvirtd killed -> driver noticed in %d ms; restart took %d ms, driver reconnected"
            + " %d ms after it answered%n",
        detectMs, restartMs, reconnectMs);

    // The same guest, never restarted: same domain id, its counter goes on.
    assertThat(virsh("domid", "reconnect-vm")).isEqualTo(domId);
    assertThat(hv.find(id).orElseThrow().state()).isEqualTo(VmState.RUNNING);
    int afterRestart = lastCounter(id);
    await("counts on", 60, () -> lastCounter(id) > afterRestart);
    assertThat(counters(id)).isSorted();

    // Bulk stats work on the new connection.
    List<VmStats> stats = hv.stats().vms();
    assertThat(stats).extracting(VmStats::vmId).contains(id);
    // Events come on the new connection: from the driver's own calls and from anyone else's.
    events.clear();
    hv.suspend(id);
    assertThat(next(id, VmEventType.SUSPENDED).state()).isEqualTo(VmState.PAUSED);
    virsh("resume", "reconnect-vm");
    assertThat(next(id, VmEventType.RESUMED).state()).isEqualTo(VmState.RUNNING);

    // A second crash, during which the guest dies too: reported once libvirtd is back.
    run("lab-host.sh", "kill", HOST);
    await("the driver notices again", 30, () -> !hv.connected());
    ProcessHandle.of(qemuPid("reconnect-vm")).orElseThrow().destroyForcibly();
    events.clear();
    run("lab-host.sh", "restart", HOST);
    VmEvent missed = next(id, VmEventType.STATE_CHANGED);
    assertThat(missed.state()).isEqualTo(VmState.STOPPED);
    assertThat(missed.message()).contains("when libvirtd came back");
    hv.undefine(id);
    assertThat(hv.find(id)).isEmpty();
  }

  private VmEvent next(String vmId, VmEventType type) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<VmEvent> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      VmEvent e = events.poll(100, TimeUnit.MILLISECONDS);
      if (e != null && e.vmId().equals(vmId) && e.type() == type) {
        return e;
      }
      if (e != null) {
        seen.add(e);
      }
    }
    throw new AssertionError("no " + type + " event for " + vmId + " within 60 s; saw " + seen);
  }

  /** The QEMU PID libvirt recorded in the lab host's namespace. */
  private static long qemuPid(String domain) throws IOException {
    String cache = System.getenv("VIMANA_LAB_CACHE"); // as lab-host.sh reads it
    Path hostDir =
        (cache == null || cache.isEmpty()
                ? Path.of(System.getProperty("user.home"), ".cache", "vimana", "lab")
                : Path.of(cache))
            .resolve("hosts")
            .resolve(HOST);
    String holder = Files.readString(hostDir.resolve("holder.pid")).strip();
    return Long.parseLong(
        Files.readString(Path.of("/proc", holder, "root/run/libvirt/qemu", domain + ".pid"))
            .strip());
  }

  private int lastCounter(String id) {
    List<Integer> all = counters(id);
    return all.isEmpty() ? 0 : all.get(all.size() - 1);
  }

  private List<Integer> counters(String id) {
    List<Integer> out = new ArrayList<>();
    try {
      Matcher m = COUNTER.matcher(hv.consoleLog(id, 1 << 20));
      while (m.find()) {
        out.add(Integer.parseInt(m.group(1)));
      }
    } catch (HypervisorException e) {
      throw new AssertionError(e.getMessage(), e);
    }
    return out;
  }

  private String virsh(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("virsh", "-q", "-c", uri));
    cmd.addAll(List.of(args));
    return exec(cmd);
  }

  /** Runs a lab script; returns the last line it printed. */
  private String run(String script, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("sh", scripts.resolve(script).toString()));
    cmd.addAll(List.of(args));
    String[] lines = exec(cmd).split("\n", -1);
    return lines[lines.length - 1].strip();
  }

  private static String exec(List<String> cmd) throws IOException, InterruptedException {
    // Standard error (the scripts' progress lines) goes to the test's output.
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(
          String.join(" ", cmd)
              + " failed (see its errors above; vimana-lab/scripts/install-lab-deps.sh run?):\n"
              + new String(out, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8).strip();
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  private static void await(String what, int seconds, BooleanSupplier ok)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (System.nanoTime() < deadline) {
      if (ok.getAsBoolean()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
  }
}
