package org.vimana.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.event.VmEvent;
import org.vimana.core.event.VmEventType;
import org.vimana.core.template.Template;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.node.driver.Drivers;

/**
 * The libvirt driver's watchdog events from a real guest: two VMs from the watchdog image variant
 * (generic kernel with the i6300esb driver), whose init arms the watchdog at boot and never feeds
 * it ({@link Lab#WATCHDOG_TEST_FLAG} through the {@code kernel.cmdline.append} label). One has
 * {@code watchdog.action=pause}, the other {@code reset}; both are booted once for the class, at
 * the same time. The events are taken from the driver's own listener stream (the one the node
 * daemon forwards), the ground truth from libvirt's domain state and the guest's serial console.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabWatchdogIT {
  // Boot plus ~2 s from arming to firing (heartbeat=2): 10-21 s at load 5-8, over a minute when
  // other labs load the 2 cores heavily.
  private static final Duration FIRE = Duration.ofMinutes(5);
  private static final Pattern READY = Pattern.compile("(?m)^vimana-ready .*$");
  private static final String ARMED = "vimana-init: watchdog test: /dev/watchdog armed, not fed";

  @TempDir static Path dir;
  private Lab lab;
  private Hypervisor hv;
  private final List<VmEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> vms = new CopyOnWriteArrayList<>();
  private String pausing;
  private String resetting;
  private Instant startedAt;

  @BeforeAll
  void bootTwoGuests() throws Exception {
    Path cache =
        Path.of(System.getProperty("user.home"), ".cache", "vimana", "lab").toAbsolutePath();
    lab = Lab.start(cache, dir.resolve("lab"), "lab-watchdog", 1);
    long build = System.nanoTime();
    String image = lab.buildWatchdogImage();
    System.out.printf(
        "LabWatchdogIT: watchdog image ready in %d ms%n", (System.nanoTime() - build) / 1_000_000);
    LabHost host = lab.hosts().get(0);
    hv = Drivers.open("libvirt", host.name(), lab.driverOptions(host));
    hv.addListener(events::add);
    pausing = define("watchdog-pause", image, "pause");
    resetting = define("watchdog-reset", image, "reset");
    startedAt = Instant.now();
    hv.start(pausing);
    hv.start(resetting);
  }

  private String define(String name, String image, String action) throws Exception {
    Template t = Lab.template();
    String id = UUID.randomUUID().toString();
    hv.define(
        id,
        new VmSpec(
            name,
            t.vcpus(),
            t.memoryMib(),
            t.diskGib(),
            image,
            null,
            Map.of("kernel.cmdline.append", Lab.WATCHDOG_TEST_FLAG, "watchdog.action", action)));
    vms.add(id);
    return id;
  }

  @AfterAll
  void stop() {
    if (hv != null) {
      for (String vm : vms) {
        keepConsole(vm);
        try {
          hv.destroy(vm);
        } catch (Exception e) {
          // not running (or already gone): undefine says whether it is a problem
        }
        try {
          hv.undefine(vm);
        } catch (Exception e) {
          System.err.println("LabWatchdogIT: cannot remove " + vm + ": " + e.getMessage());
        }
      }
      hv.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  /** Copies a guest's console to target/lab-watchdog/ (the lab's files go with the temp dir). */
  private void keepConsole(String vm) {
    try {
      Path out = Path.of("target", "lab-watchdog", vm + ".console.log");
      Files.createDirectories(out.getParent());
      Files.writeString(out, hv.consoleLog(vm, 1 << 20));
    } catch (Exception e) {
      System.err.println("LabWatchdogIT: no console of " + vm + ": " + e.getMessage());
    }
  }

  @Test
  @Order(1) // first, so that it sees the guest arm its watchdog as it happens (timings)
  void theActionPauseArrivesAsAWatchdogEventAndTheGuestEndsPaused() throws Exception {
    long armedMs = awaitConsole(pausing, ARMED, FIRE);
    VmEvent fired = await(pausing, e -> e.type() == VmEventType.WATCHDOG, FIRE);
    String console = hv.consoleLog(pausing, 1 << 20);
    System.out.printf(
        "LabWatchdogIT: pause: start to STARTED event %d ms, to armed on the console %d ms,"
            + " to WATCHDOG event %d ms (event state %s, guest %s)%n",
        sinceStart(await(pausing, e -> e.type() == VmEventType.STARTED, FIRE)),
        armedMs,
        sinceStart(fired),
        fired.state(),
        lastReady(console));
    assertThat(fired.message()).isEqualTo("watchdog fired, action pause");
    assertThat(console).contains(ARMED);
    // libvirt follows the watchdog event with the pause it did: a SUSPENDED event whose detail
    // names the watchdog as the cause (libvirt-java's "SUSPENDED (WATCHDOG)"), state PAUSED.
    VmEvent paused = await(pausing, e -> e.type() == VmEventType.SUSPENDED, Duration.ofSeconds(30));
    assertThat(paused.message()).isEqualTo("SUSPENDED (WATCHDOG)");
    assertThat(hv.find(pausing).orElseThrow().state()).isEqualTo(VmState.PAUSED);
    assertThat(eventsOf(pausing, VmEventType.WATCHDOG)).as("fired once, then paused").hasSize(1);
  }

  @Test
  @Order(2)
  void theActionResetArrivesAsAWatchdogEventAndTheGuestBootsAgain() throws Exception {
    VmEvent fired = await(resetting, e -> e.type() == VmEventType.WATCHDOG, FIRE);
    String console = hv.consoleLog(resetting, 1 << 20);
    long bootsBefore = boots(console);
    System.out.printf(
        "LabWatchdogIT: reset: start to WATCHDOG event %d ms (event state %s, guest %s)%n",
        sinceStart(fired), fired.state(), lastReady(console));
    assertThat(fired.message()).isEqualTo("watchdog fired, action reset");
    assertThat(console).contains(ARMED);
    // QEMU resets the guest (libvirt's REBOOT event), which boots again on the same console.
    await(
        resetting,
        e -> e.type() == VmEventType.REBOOTED && !e.at().isBefore(fired.at()),
        Duration.ofSeconds(30));
    long deadline = System.nanoTime() + FIRE.toNanos();
    while (boots(hv.consoleLog(resetting, 1 << 20)) <= bootsBefore) {
      assertThat(System.nanoTime()).as("the guest boots again within " + FIRE).isLessThan(deadline);
      Thread.sleep(500);
    }
    System.out.printf(
        "LabWatchdogIT: reset: start to the next boot's vimana-ready %d ms%n",
        Duration.between(startedAt, Instant.now()).toMillis());
    assertThat(hv.find(resetting).orElseThrow().state()).isEqualTo(VmState.RUNNING);
    // The reset guest arms its watchdog again on each boot: stop it before it loops on.
    hv.destroy(resetting);
  }

  /** The guest's last "vimana-ready uptime=S" line (printed right after arming the watchdog). */
  private static String lastReady(String console) {
    Matcher m = READY.matcher(console);
    String last = "not ready";
    while (m.find()) {
      last = m.group().strip();
    }
    return last;
  }

  /** How many times the guest's init got ready (one line per boot). */
  private static long boots(String console) {
    Matcher m = READY.matcher(console);
    long n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** From the first start call to when the driver saw the event (its clock is the system's). */
  private long sinceStart(VmEvent e) {
    return Duration.between(startedAt, e.at()).toMillis();
  }

  private List<VmEvent> eventsOf(String vm, VmEventType type) {
    return events.stream().filter(e -> e.vmId().equals(vm) && e.type() == type).toList();
  }

  /** Polls the console until it contains {@code text}; returns the ms since the first start. */
  private long awaitConsole(String vm, String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!hv.consoleLog(vm, 1 << 20).contains(text)) {
      assertThat(System.nanoTime())
          .as(text + " on the console within " + timeout)
          .isLessThan(deadline);
      Thread.sleep(100);
    }
    return Duration.between(startedAt, Instant.now()).toMillis();
  }

  private VmEvent await(String vm, Predicate<VmEvent> which, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (VmEvent e : events) {
        if (e.vmId().equals(vm) && which.test(e)) {
          return e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no such event for " + vm + " within " + timeout + "; events: " + events);
      }
      Thread.sleep(100);
    }
  }
}
