package org.vimana.bench.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.vimana.agent.client.AgentClient;
import org.vimana.agent.ext.StatusRequest;
import org.vimana.agent.ext.VimanaCommands;
import org.vimana.agent.qga.QgaCommands;
import org.vimana.lab.GuestShell;

/**
 * Host-to-guest request latency over the persistent channel (guest-ping and a full vimana-status
 * with 10 top processes, before and after C1 has compiled it), one request at a time, beside {@code
 * virsh qemu-agent-command guest-ping} against qemu-ga in the same guest (a virsh process per call,
 * the stock way); and a guest-exec of /bin/true to its exit: the Vimana agent pushes the exit,
 * qemu-ga is asked guest-exec-status until it says exited.
 */
final class Latency {
  private Latency() {}

  static void run(AgentClient agent, GuestShell shell, AgentGuest guest, int pings, int statuses)
      throws Exception {
    List<Double> ping = new ArrayList<>();
    List<Double> status = new ArrayList<>();
    List<Double> warmStatus = new ArrayList<>();
    List<Double> virsh = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      agent.call(QgaCommands.PING); // warm-up: the agent's JIT and the client's
    }
    for (int i = 0; i < pings; i++) {
      long t = System.nanoTime();
      agent.call(QgaCommands.PING);
      ping.add((System.nanoTime() - t) / 1e6);
    }
    // Twice as many statuses as asked, reported in halves: the first ones run while C1 still
    // compiles the status code (each of its methods runs once per call, and C1 takes a method after
    // about 200 calls), the second half is the agent as it runs for days.
    for (int i = 0; i < 2 * statuses; i++) {
      long t = System.nanoTime();
      agent.call(VimanaCommands.STATUS, StatusRequest.DEFAULT);
      (i < statuses ? status : warmStatus).add((System.nanoTime() - t) / 1e6);
    }
    for (int i = 0; i < 30; i++) {
      long t = System.nanoTime();
      if (!guest.virshPing(5)) {
        throw new IllegalStateException("virsh qemu-agent-command guest-ping failed");
      }
      virsh.add((System.nanoTime() - t) / 1e6);
    }
    List<Double> exec = new ArrayList<>();
    List<Double> virshExec = new ArrayList<>();
    List<Double> polls = new ArrayList<>();
    for (int i = 0; i < 30; i++) { // alternated, so that host load hits both alike
      long t = System.nanoTime();
      shell.run("/bin/true");
      exec.add((System.nanoTime() - t) / 1e6);
      t = System.nanoTime();
      polls.add((double) guest.virshExec("/bin/true"));
      virshExec.add((System.nanoTime() - t) / 1e6);
    }
    System.out.printf("%-44s %9s %9s %6s%n", "latency (host to guest)", "p50", "p99", "n");
    print("guest-ping, Vimana agent, persistent channel", ping);
    print("vimana-status (10 top processes), same", status);
    print("  same, the next ones (compiled)", warmStatus);
    print("virsh qemu-agent-command guest-ping (qemu-ga)", virsh);
    print("guest-exec /bin/true to exit, Vimana (pushed)", exec);
    print("same, qemu-ga: virsh exec + status polls", virshExec);
    System.out.printf(
        "  (qemu-ga: %.0f guest-exec-status calls per exec, median)%n", percentile(polls, 50));
  }

  static void print(String what, List<Double> ms) {
    System.out.printf(
        "%-44s %6.2f ms %6.2f ms %6d%n", what, percentile(ms, 50), percentile(ms, 99), ms.size());
  }

  static double percentile(List<Double> values, double p) {
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    int i = (int) Math.ceil(p / 100 * v.size()) - 1;
    return v.get(Math.max(0, Math.min(v.size() - 1, i)));
  }
}
