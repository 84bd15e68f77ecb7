package org.vimana.bench.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vimana.agent.client.AgentClient;
import org.vimana.agent.ext.StatusRequest;
import org.vimana.agent.ext.StatusSection;
import org.vimana.agent.ext.StatusSnapshot;
import org.vimana.agent.ext.Subscription;
import org.vimana.agent.ext.VimanaCommands;
import org.vimana.agent.json.JsonValue;
import org.vimana.lab.GuestShell;
import org.vimana.node.agent.GuestViews;

/**
 * RSS and CPU of the three agents in one guest over windows at a 1 s and a 10 s push interval: the
 * Vimana agent pushes vimana-status to the host, node-exporter is scraped from inside the guest
 * (busybox wget) at the same interval, qemu-ga idles (it has nothing to push).
 */
final class Footprint {
  private Footprint() {}

  static void run(AgentClient agent, GuestShell shell, GuestProcesses procs, int windowSeconds)
      throws Exception {
    // Full snapshots at 1 s and 10 s, and at 10 s the node's own subscription: only the sections
    // its guest view reads (what a Vimana node asks of every agent).
    System.out.printf(
        "%-26s %10s %14s %14s %16s%n",
        "footprint (same guest)", "RSS", "CPU @1 s push", "CPU @10 s push", "@10 s node push");
    Map<String, Double> one = window(agent, shell, procs, 1, windowSeconds, StatusSection.ALL);
    Map<String, Double> ten = window(agent, shell, procs, 10, windowSeconds * 3, StatusSection.ALL);
    Map<String, Double> node =
        window(agent, shell, procs, 10, windowSeconds * 3, GuestViews.SECTIONS);
    GuestProcesses.Sample s = procs.sample();
    for (String name : s.rssBytes().keySet()) {
      System.out.printf(
          "%-26s %7.1f MB %12.2f %% %12.2f %% %14.2f %%%n",
          name, s.rssBytes().get(name) / 1e6, one.get(name), ten.get(name), node.get(name));
    }
  }

  private static Map<String, Double> window(
      AgentClient agent,
      GuestShell shell,
      GuestProcesses procs,
      int seconds,
      int length,
      Set<StatusSection> sections)
      throws Exception {
    agent.call(VimanaCommands.SUBSCRIBE, new Subscription.Args(seconds * 1000L, 5, sections));
    long scraper =
        shell.start(
            "/bin/sh",
            "-c",
            "while :; do wget -q -O /dev/null http://127.0.0.1:9100/metrics; sleep "
                + seconds
                + "; done");
    try {
      return procs.cpuOver(Math.min(5, seconds), length);
    } finally {
      agent.call(VimanaCommands.UNSUBSCRIBE);
      shell.run("/bin/kill", Long.toString(scraper));
    }
  }

  /**
   * Restarts the agent with each JVM option set (the guest's init restarts it with
   * /run/vimana/agent.opts) and measures kill-to-first-status-answer (JVM start plus the first
   * snapshot), RSS after 50 status calls and 10 s, and status latency.
   */
  static void variants(AgentClient agent, GuestShell shell, List<String> variants)
      throws Exception {
    System.out.printf(
        "%-56s %9s %9s %12s %9s %9s%n",
        "agent JVM options (beside the launcher's)",
        "restart",
        "RSS",
        "status p50",
        "CPU idle",
        "CPU@10s");
    for (String opts : variants) {
      shell.sh("echo '" + opts + "' >/run/vimana/agent.opts");
      long javaPid = javaPid(agent);
      // The kill waits 1 s so that the agent's reply to this guest-exec goes out first.
      shell.start("/bin/sh", "-c", "sleep 1; kill " + javaPid);
      long t = System.nanoTime() + 1_000_000_000L;
      long newPid = javaPid;
      while (newPid == javaPid) {
        try {
          JsonValue v =
              agent.call(
                  VimanaCommands.STATUS.name(),
                  new StatusRequest(100, List.of()).toJson(),
                  Duration.ofMillis(1500));
          newPid = javaPid(StatusSnapshot.fromJson(v));
        } catch (org.vimana.agent.client.AgentException e) {
          Thread.sleep(20);
        }
      }
      double restartMs = (System.nanoTime() - t) / 1e6;
      List<Double> status = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        long s = System.nanoTime();
        agent.call(VimanaCommands.STATUS, StatusRequest.DEFAULT);
        status.add((System.nanoTime() - s) / 1e6);
      }
      Thread.sleep(Duration.ofSeconds(10).toMillis());
      long rss =
          Long.parseLong(shell.sh("grep VmRSS /proc/" + newPid + "/status").replaceAll("\\D", ""))
              * 1024;
      GuestProcesses agentOnly = new GuestProcesses(shell, Map.of("agent", newPid));
      double idle = cpuOver(agentOnly);
      agent.call(VimanaCommands.SUBSCRIBE, new Subscription.Args(10_000L, 5, GuestViews.SECTIONS));
      double cpu;
      try {
        cpu = cpuOver(agentOnly);
      } finally {
        agent.call(VimanaCommands.UNSUBSCRIBE);
      }
      System.out.printf(
          "%-56s %6.0f ms %6.1f MB %9.2f ms %7.2f %% %7.2f %%%n",
          opts.isEmpty() ? "(none)" : opts,
          restartMs,
          rss / 1e6,
          Latency.percentile(status, 50),
          idle,
          cpu);
    }
    shell.sh("rm -f /run/vimana/agent.opts");
  }

  /**
   * The agent's CPU (% of the vCPU) over 40 s after 5 s to settle: idle, or with whatever
   * subscription the caller has opened (the node's 10 s push, 5 top processes).
   */
  private static double cpuOver(GuestProcesses procs) throws Exception {
    return procs.cpuOver(5, 40).get("agent");
  }

  private static long javaPid(AgentClient agent) throws Exception {
    return javaPid(agent.call(VimanaCommands.STATUS, new StatusRequest(100, List.of())));
  }

  private static long javaPid(StatusSnapshot s) {
    return s.processes().stream()
        .filter(p -> p.name().equals("java"))
        .mapToLong(org.vimana.agent.ext.ProcessInfo::pid)
        .findFirst()
        .orElse(-1);
  }
}
