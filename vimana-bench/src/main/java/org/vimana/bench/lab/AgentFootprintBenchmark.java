package org.vimana.bench.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vimana.agent.client.AgentClient;
import org.vimana.agent.ext.ProcessInfo;
import org.vimana.agent.ext.StatusRequest;
import org.vimana.agent.ext.StatusSnapshot;
import org.vimana.agent.ext.VimanaCommands;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.vm.VmSpec;
import org.vimana.lab.GuestShell;
import org.vimana.lab.Lab;
import org.vimana.lab.LabHost;
import org.vimana.node.driver.Drivers;

/**
 * The guest agent's footprint inside a lab guest (QEMU TCG, 1 vCPU), beside qemu-guest-agent and
 * prometheus-node-exporter started in the same guest in the same run: time from VM start to each
 * one's first answer (and, in boots before that, the Vimana agent's alone), RSS, CPU at 1 s and 10
 * s push (node-exporter scraped from inside the guest at the same interval, qemu-ga idle: it cannot
 * push), host-to-guest latency over the persistent channel (guest-ping, vimana-status) and {@code
 * virsh qemu-agent-command guest-ping} as the stock baseline. With {@code --variants}, the agent is
 * restarted with each JVM option set in turn.
 *
 * <p>{@code ./vimana-bench/run lab-agent [--memory 160] [--pings 2000] [--statuses 200] [--window
 * 60] [--alone-boots 5] [--variants | --ab | --restart] [--parts]}
 */
public final class AgentFootprintBenchmark {
  private static final Duration BOOT = Duration.ofMinutes(3);

  /** JVM option sets tried with --variants, each on top of the launcher's own options. */
  static final List<String> VARIANTS =
      List.of(
          "",
          "-XX:TrimNativeHeapInterval=0",
          "-XX:+UnlockDiagnosticVMOptions -XX:GuaranteedSafepointInterval=0",
          "-Xms16m");

  /**
   * With --ab: the launcher as it is (the image's own CDS archive, native heap trim) against the
   * launcher's earlier options (the runtime's default CDS archive, no trim), alternated three times
   * in the same guest, so that host load hits both alike.
   */
  static final String BEFORE =
      "-XX:SharedArchiveFile=/usr/lib/vimana-guest-agent/runtime/lib/server/classes.jsa"
          + " -XX:TrimNativeHeapInterval=0";

  static final List<String> AB = List.of(BEFORE, "", BEFORE, "", BEFORE, "");

  private AgentFootprintBenchmark() {}

  public static void main(String[] args) throws Exception {
    int memory = LabStatsBenchmark.intArg(args, "--memory", 160);
    int pings = LabStatsBenchmark.intArg(args, "--pings", 2000);
    int statuses = LabStatsBenchmark.intArg(args, "--statuses", 200);
    int window = LabStatsBenchmark.intArg(args, "--window", 60);
    int aloneBoots = LabStatsBenchmark.intArg(args, "--alone-boots", 5);
    if (aloneBoots < 1) {
      throw new IllegalArgumentException("--alone-boots must be 1 or more, got " + aloneBoots);
    }
    boolean variants = Arrays.asList(args).contains("--variants");
    Path cache = cacheDir();
    Path work = Files.createTempDirectory("vlab-agent");
    try (Lab lab = Lab.start(cache, work, "bench-agent", 1)) {
      LabHost host = lab.hosts().get(0);
      Map<String, String> options = lab.driverOptions(host);
      try (Hypervisor hv = Drivers.open("libvirt", host.name(), options)) {
        String id = UUID.randomUUID().toString();
        hv.define(id, new VmSpec("agent-bench", 1, memory, 1, Lab.IMAGE, null, Map.of()));
        AgentGuest guest = new AgentGuest(host.uri(), "agent-bench");
        Path socket = Path.of(options.get("state-dir")).resolve(id + ".agent.sock");
        try {
          System.out.println(firstAnswerAlone(hv, id, socket, aloneBoots));
          guest.prepareForComparison(work);
          long t0 = System.nanoTime();
          hv.start(id);
          QgaWatch qga = QgaWatch.start(guest, t0);
          try (AgentClient agent = AgentGuest.connect(socket, BOOT)) {
            double vimanaMs = (System.nanoTime() - t0) / 1e6;
            double uptime =
                agent.call(VimanaCommands.STATUS, StatusRequest.DEFAULT).uptimeSeconds();
            GuestShell shell = new GuestShell(agent);
            double qgaMs = qga.await(BOOT);
            double exporterUptime =
                Double.parseDouble(waitForFile(shell, "node-exporter.first-answer"));
            System.out.printf(
                "memory %d MiB, 1 vCPU, TCG; load average %s%n", memory, loadAverage());
            System.out.printf("%-26s %14s %18s%n", "first answer", "after start", "guest uptime");
            System.out.printf("%-26s %11.0f ms %16.2f s%n", "vimana-guest-agent", vimanaMs, uptime);
            System.out.printf(
                "%-26s %11.0f ms %16.2f s%n", "qemu-ga", qgaMs, uptime + (qgaMs - vimanaMs) / 1000);
            System.out.printf(
                "%-26s %14s %16.2f s%n", "prometheus-node-exporter", "-", exporterUptime);
            System.out.printf(
                "started at guest uptime: vimana-guest-agent %s s, qemu-ga %s s; agent log: %s%n",
                shell.sh("cat /run/vimana/agent.started 2>/dev/null || echo ?").strip(),
                shell.sh("cat /run/vimana/compare.started 2>/dev/null || echo ?").strip(),
                shell.sh("head -c 600 /run/vimana/agent.log").strip().replace('\n', '|'));
            Thread.sleep(10_000); // let the boot settle
            Latency.run(agent, shell, guest, pings, statuses);
            if (Arrays.asList(args).contains("--parts")) {
              System.out.println(snapshotParts(shell));
            }
            GuestProcesses procs = processes(agent, shell);
            Footprint.run(agent, shell, procs, window);
            if (variants) {
              Footprint.variants(agent, shell, VARIANTS);
            } else if (Arrays.asList(args).contains("--ab")) {
              Footprint.variants(agent, shell, AB);
            } else if (Arrays.asList(args).contains("--restart")) {
              Footprint.variants(agent, shell, List.of("")); // the launcher's own options only
            }
          } finally {
            qga.stop();
          }
        } finally {
          LabVms.destroyAll(hv, List.of(id));
        }
      }
    }
  }

  /**
   * Boots the guest {@code boots} times with the Vimana agent alone, as a production guest starts
   * it (the comparison boot after these starts qemu-ga and node-exporter at the same moment, and on
   * one vCPU they slow each other's start), and says when it first answered each time and in the
   * median: single TCG boots on a shared host swing by seconds. The uptime comes from the cheapest
   * status (no optional section), asked right after the first answer: the answer was at most that
   * late, and at most that call's round trip earlier.
   */
  static String firstAnswerAlone(Hypervisor hv, String id, Path socket, int boots)
      throws Exception {
    StringBuilder out = new StringBuilder();
    List<AloneBoot> all = new ArrayList<>();
    for (int i = 1; i <= boots; i++) {
      AloneBoot b = bootAlone(hv, id, socket);
      all.add(b);
      out.append(
          String.format(
              "first answer, Vimana agent alone at boot %d/%d: %.0f ms after start, guest uptime"
                  + " %.2f s (at most; the status that read it took %.0f ms), init started it at"
                  + " %.2f s%n",
              i, boots, b.answeredMs(), b.uptime(), b.roundTripMs(), b.started()));
    }
    return out.append(
            String.format(
                "first answer, Vimana agent alone, median of %d boots: %.0f ms after start, guest"
                    + " uptime %.2f s, init started it at %.2f s",
                boots,
                Median.of(all.stream().map(AloneBoot::answeredMs).toList()),
                Median.of(all.stream().map(AloneBoot::uptime).toList()),
                Median.of(all.stream().map(AloneBoot::started).toList())))
        .toString();
  }

  record AloneBoot(double answeredMs, double uptime, double roundTripMs, double started) {}

  private static AloneBoot bootAlone(Hypervisor hv, String id, Path socket) throws Exception {
    long t0 = System.nanoTime();
    hv.start(id);
    try (AgentClient agent = AgentGuest.connect(socket, BOOT)) {
      double answeredMs = (System.nanoTime() - t0) / 1e6;
      long s0 = System.nanoTime();
      double uptime =
          agent
              .call(VimanaCommands.STATUS, new StatusRequest(0, List.of(), Set.of()))
              .uptimeSeconds();
      double roundTripMs = (System.nanoTime() - s0) / 1e6;
      // Written by the image's init just before it starts the agent: a guest without it is not the
      // lab image, and its figure would mean nothing.
      double started =
          Double.parseDouble(new GuestShell(agent).sh("cat /run/vimana/agent.started").strip());
      return new AloneBoot(answeredMs, uptime, roundTripMs, started);
    } finally {
      hv.destroy(id);
    }
  }

  /** The three agents' pids: the JVM from the agent's own list, the others from pid files. */
  static GuestProcesses processes(AgentClient agent, GuestShell shell) throws Exception {
    StatusSnapshot s = agent.call(VimanaCommands.STATUS, new StatusRequest(100, List.of()));
    long java =
        s.processes().stream()
            .filter(p -> p.name().equals("java"))
            .mapToLong(ProcessInfo::pid)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no java process in the guest"));
    long qga = Long.parseLong(shell.sh("cat /run/vimana/qemu-ga.pid").strip());
    long exporter = Long.parseLong(shell.sh("cat /run/vimana/node-exporter.pid").strip());
    return new GuestProcesses(
        shell, Map.of("vimana-guest-agent", java, "qemu-ga", qga, "node-exporter", exporter));
  }

  /** Where a snapshot's time goes inside the guest: the agent jar's own breakdown main. */
  static String snapshotParts(GuestShell shell) throws Exception {
    String lib = "/usr/lib/vimana-guest-agent";
    GuestShell.Result r =
        shell.await(
            shell.start(
                lib + "/runtime/bin/java",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-cp",
                lib + "/vimana-guest-agent.jar",
                "org.vimana.guest.bench.SnapshotParts",
                "20"),
            Duration.ofMinutes(10));
    return r.out() + r.err();
  }

  /** $VIMANA_LAB_CACHE (as build-guest-image.sh reads it), else ~/.cache/vimana/lab. */
  static Path cacheDir() {
    String env = System.getenv("VIMANA_LAB_CACHE");
    return env != null && !env.isBlank()
        ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "vimana", "lab");
  }

  static String waitForFile(GuestShell shell, String name) throws Exception {
    for (int i = 0; i < 600; i++) {
      String out = shell.sh("cat /run/vimana/" + name + " 2>/dev/null || true").strip();
      if (!out.isEmpty()) {
        return out;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("/run/vimana/" + name + " never appeared in the guest");
  }

  static String loadAverage() throws java.io.IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
  }

  /** Polls {@code virsh qemu-agent-command guest-ping} from VM start until qemu-ga answers. */
  static final class QgaWatch {
    private final Thread thread;
    private volatile double answeredMs = -1;
    private volatile boolean stop;

    private QgaWatch(AgentGuest guest, long t0) {
      thread =
          new Thread(
              () -> {
                try {
                  while (!stop && !guest.virshPing(1)) {
                    Thread.sleep(100);
                  }
                  answeredMs = (System.nanoTime() - t0) / 1e6;
                } catch (Exception e) {
                  answeredMs = Double.NaN;
                }
              },
              "qemu-ga-watch");
      thread.setDaemon(true);
    }

    static QgaWatch start(AgentGuest guest, long t0) {
      QgaWatch w = new QgaWatch(guest, t0);
      w.thread.start();
      return w;
    }

    double await(Duration within) throws InterruptedException {
      thread.join(within.toMillis());
      return answeredMs;
    }

    void stop() {
      stop = true;
    }
  }
}
