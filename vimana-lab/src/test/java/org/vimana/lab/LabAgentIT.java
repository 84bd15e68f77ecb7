package org.vimana.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.agent.client.AgentCapabilities;
import org.vimana.agent.client.AgentClient;
import org.vimana.agent.client.AgentEndpoint;
import org.vimana.agent.client.AgentException;
import org.vimana.agent.client.ClientOptions;
import org.vimana.agent.client.ConnectionListener;
import org.vimana.agent.ext.FilesystemUsage;
import org.vimana.agent.ext.InterfaceTraffic;
import org.vimana.agent.ext.ProcessInfo;
import org.vimana.agent.ext.StatusRequest;
import org.vimana.agent.ext.StatusSnapshot;
import org.vimana.agent.ext.VimanaCommands;
import org.vimana.agent.qga.GuestOsInfo;
import org.vimana.agent.qga.QgaCommands;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.template.Template;
import org.vimana.core.vm.VmSpec;
import org.vimana.node.driver.Drivers;

/**
 * The guest agent in a real lab guest (QEMU TCG, the lab template), driven with {@link AgentClient}
 * over the VM's channel socket: every answer is checked against ground truth taken inside the same
 * guest with busybox through guest-exec ({@link GuestShell}). One lab host, one guest, booted once
 * for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabAgentIT {
  private static final Duration BOOT = Duration.ofMinutes(3);
  private static final long MIB = 1 << 20;

  @TempDir static Path dir;
  private Lab lab;
  private Hypervisor hv;
  private String vm;
  private AgentClient agent;
  private GuestShell shell;
  private final AtomicInteger disconnects = new AtomicInteger();

  @BeforeAll
  void bootAGuest() throws Exception {
    Path cache =
        Path.of(System.getProperty("user.home"), ".cache", "vimana", "lab").toAbsolutePath();
    lab = Lab.start(cache, dir.resolve("lab"), "lab-agent", 1);
    LabHost host = lab.hosts().get(0);
    Map<String, String> options = lab.driverOptions(host);
    hv = Drivers.open("libvirt", host.name(), options);
    Template t = Lab.template();
    vm = UUID.randomUUID().toString();
    hv.define(
        vm,
        new VmSpec("agent-it", t.vcpus(), t.memoryMib(), t.diskGib(), t.image(), null, Map.of()));
    long started = System.nanoTime();
    hv.start(vm);
    agent = awaitAgent(Path.of(options.get("state-dir")).resolve(vm + ".agent.sock"));
    System.out.printf(
        "LabAgentIT: start to first agent answer %d ms (%s MiB guest, TCG)%n",
        (System.nanoTime() - started) / 1_000_000, t.memoryMib());
    shell = new GuestShell(agent);
  }

  /** Connects once the socket exists and the agent answers; no reconnects after that. */
  private AgentClient awaitAgent(Path socket) throws Exception {
    ClientOptions options =
        new ClientOptions(
            BOOT,
            Duration.ofSeconds(20),
            16 << 20,
            false,
            new ConnectionListener() {
              @Override
              public void disconnected(String reason) {
                disconnects.incrementAndGet();
              }
            });
    long deadline = System.nanoTime() + BOOT.toNanos();
    while (true) {
      try {
        return AgentClient.connect(AgentEndpoint.unix(socket), options);
      } catch (AgentException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no agent on " + socket + " within " + BOOT, e);
        }
        Thread.sleep(100); // the socket appears when QEMU starts
      }
    }
  }

  @AfterAll
  void stop() {
    if (agent != null) {
      agent.close();
    }
    if (hv != null) {
      try {
        hv.destroy(vm);
        hv.undefine(vm);
      } catch (Exception e) {
        System.err.println("LabAgentIT: cannot remove " + vm + ": " + e.getMessage());
      }
      hv.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  private StatusSnapshot status() throws AgentException {
    return agent.call(VimanaCommands.STATUS, new StatusRequest(100, java.util.List.of()));
  }

  @Test
  @Order(1)
  void theAgentIsVimanasAndAnswersOsInfoLikeTheGuestsUname() throws Exception {
    assertThat(agent.capabilities().kind()).isEqualTo(AgentCapabilities.Kind.VIMANA);
    GuestOsInfo os = agent.call(QgaCommands.GET_OSINFO);
    assertThat(os.kernelRelease()).isEqualTo(shell.sh("uname -r").strip());
    assertThat(os.machine()).isEqualTo(shell.sh("uname -m").strip());
  }

  @Test
  @Order(2)
  void anExecResultIsPushedAsAnEvent() throws Exception {
    // GuestShell only ever waits for VIMANA_EXEC_EXITED: no guest-exec-status is sent.
    GuestShell.Result r =
        shell.await(
            shell.start("/bin/sh", "-c", "echo out; echo err >&2; exit 7"), Duration.ofSeconds(30));
    assertThat(r.exitCode()).isEqualTo(7);
    assertThat(r.out()).isEqualTo("out\n");
    assertThat(r.err()).isEqualTo("err\n");
  }

  @Test
  @Order(3)
  void aProcessStartedThroughExecAppearsInTheProcessListWithItsPid() throws Exception {
    long pid = shell.start("/bin/sleep", "300");
    try {
      // Ground truth: the guest's own ps shows that pid running sleep 300.
      assertThat(shell.sh("ps -o pid,args"))
          .containsPattern("(?m)^\\s*" + pid + "\\s+\\S*sleep 300$");
      ProcessInfo p =
          status().processes().stream()
              .filter(x -> x.pid() == pid)
              .findFirst()
              .orElseThrow(() -> new AssertionError("pid " + pid + " not in the agent's list"));
      assertThat(p.name()).isEqualTo("sleep");
      assertThat(p.cmdline())
          .isEqualTo(shell.sh("tr '\\0' ' ' </proc/" + pid + "/cmdline").strip());
      assertThat(p.rssBytes())
          .isEqualTo(
              Long.parseLong(shell.sh("grep VmRSS /proc/" + pid + "/status").replaceAll("\\D", ""))
                  * 1024);
    } finally {
      shell.run("/bin/kill", Long.toString(pid));
    }
  }

  @Test
  @Order(4)
  void memoryTotalEqualsTheGuestsMeminfo() throws Exception {
    long memTotalKib =
        Long.parseLong(shell.sh("grep MemTotal: /proc/meminfo").replaceAll("\\D", ""));
    StatusSnapshot s = status();
    assertThat(s.memory().totalBytes()).isEqualTo(memTotalKib * 1024);
    System.out.printf(
        "LabAgentIT: guest MemTotal %d MiB, available %d MiB, agent RSS %d MB%n",
        memTotalKib / 1024,
        s.memory().availableBytes() / MIB,
        s.processes().stream()
                .filter(p -> p.name().equals("java"))
                .mapToLong(ProcessInfo::rssBytes)
                .sum()
            / 1_000_000);
  }

  @Test
  @Order(5)
  void writingFiftyMibRaisesTheReportedFilesystemUsageByThat() throws Exception {
    String mount = "/opt/vimana"; // the guest's disk (ext4 on /dev/vda)
    long dfBefore = dfUsedBytes(mount);
    FilesystemUsage before = filesystem(mount);
    shell.sh("dd if=/dev/zero of=" + mount + "/fifty bs=1M count=50 conv=fsync 2>/dev/null");
    try {
      long dfAfter = dfUsedBytes(mount);
      FilesystemUsage after = filesystem(mount);
      assertThat(before.device()).isEqualTo("/dev/vda");
      // The agent agrees with the guest's df (to the 1 KiB df rounds to) ...
      assertThat(before.usedBytes()).isCloseTo(dfBefore, within(1024L));
      assertThat(after.usedBytes()).isCloseTo(dfAfter, within(1024L));
      // ... and sees the 50 MiB, give or take 5 % (ext4 metadata).
      assertThat((double) (after.usedBytes() - before.usedBytes()))
          .isCloseTo(50.0 * MIB, within(2.5 * MIB));
    } finally {
      shell.run("/bin/rm", mount + "/fifty");
    }
  }

  private FilesystemUsage filesystem(String mount) throws AgentException {
    return status().filesystems().stream()
        .filter(f -> f.mountpoint().equals(mount))
        .findFirst()
        .orElseThrow(() -> new AssertionError(mount + " not reported"));
  }

  private long dfUsedBytes(String mount) throws Exception {
    // busybox df -k: Filesystem 1K-blocks Used Available Use% Mounted on
    String[] f = shell.sh("df -k " + mount + " | tail -n 1").trim().split("\\s+");
    return Long.parseLong(f[2]) * 1024;
  }

  @Test
  @Order(6)
  void anInterfacesCountersRiseAfterTraffic() throws Exception {
    long rxBefore = loRxBytes();
    InterfaceTraffic before = lo(status());
    shell.sh("ping -c 20 -i 0.05 -s 1000 127.0.0.1 >/dev/null");
    long truthLow = loRxBytes();
    InterfaceTraffic after = lo(status());
    long truthHigh = loRxBytes();
    assertThat(before.rxBytes()).isGreaterThanOrEqualTo(rxBefore);
    // 20 echo requests and 20 replies of 1,028 bytes of ICMP each, all through lo.
    assertThat(after.rxBytes() - before.rxBytes()).isGreaterThanOrEqualTo(40 * 1028L);
    assertThat(after.rxPackets() - before.rxPackets()).isGreaterThanOrEqualTo(40);
    assertThat(after.rxBytes()).isBetween(truthLow, truthHigh);
  }

  private InterfaceTraffic lo(StatusSnapshot s) {
    return s.interfaces().stream()
        .filter(i -> i.name().equals("lo"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("lo not reported"));
  }

  private long loRxBytes() throws Exception {
    return Long.parseLong(shell.sh("cat /sys/class/net/lo/statistics/rx_bytes").strip());
  }

  @Test
  @Order(7)
  void theAgentComesBackAfterAGuestRebootWithoutAnyHostAction() throws Exception {
    String bootId = shell.sh("cat /proc/sys/kernel/random/boot_id").strip();
    long started = System.nanoTime();
    hv.reboot(vm); // ACPI: the guest powers off, libvirt resets it
    // The same client, no reconnect (autoReconnect is off): calls time out until the new boot's
    // agent opens the port, then they are answered again.
    String now = bootId;
    long deadline = System.nanoTime() + BOOT.toNanos();
    while (now.equals(bootId)) {
      assertThat(System.nanoTime()).as("agent back within " + BOOT).isLessThan(deadline);
      try {
        now = shell.sh("cat /proc/sys/kernel/random/boot_id").strip();
      } catch (AgentException | java.util.concurrent.TimeoutException e) {
        Thread.sleep(200);
      }
    }
    System.out.printf(
        "LabAgentIT: reboot to agent answering in the new boot %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
    assertThat(disconnects.get()).as("the host side never lost its connection").isZero();
    assertThat(agent.isConnected()).isTrue();
    assertThat(status().uptimeSeconds()).isLessThan(120);
  }
}
