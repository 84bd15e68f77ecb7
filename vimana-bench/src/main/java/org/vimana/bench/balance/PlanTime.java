package org.vimana.bench.balance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.vimana.balancer.cost.AntiThrashing;
import org.vimana.balancer.cost.PreCopyCostModel;
import org.vimana.balancer.power.PowerModels;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.snapshot.Constraints;
import org.vimana.balancer.snapshot.DemandHistory;
import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;
import org.vimana.balancer.strategy.Strategies;
import org.vimana.balancer.strategy.Strategy;

/**
 * Plan computation time as the cluster grows: synthetic snapshots of 100 to 2,000 hosts (32 cores
 * of 2600 MIPS, 256 GiB) with 20 VMs per host, and 1,000 hosts with 2 (1 to 4 vCPUs, 2 to 8 GiB, 30
 * samples of demand history), median of several runs after warm-up, beside the time to build the
 * snapshot (the baseline every plan pays): {@code ./vimana-bench/run plan-time [RUNS]}.
 */
public final class PlanTime {

  static final List<String> STRATEGIES =
      List.of(
          "thr-mmt:0.8", "lr-mmt:1.2", "iqr-mc:1.5", "mad-mmt:2.5", "equalize:3", "threshold:0.8");

  private PlanTime() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    // 20 VMs per host from 100 to 2,000 hosts (how a plan grows with the cluster), and 1,000 hosts
    // at 2 VMs per host (how it grows with VMs per host).
    int[][] sizes = {
      {100, 2000}, {250, 5000}, {500, 10000}, {1000, 20000}, {2000, 40000}, {1000, 2000}
    };
    var settings =
        new Strategies.Settings(
            PreCopyCostModel.DEFAULT, AntiThrashing.NONE, 0.8, 1e-4, 1000, 1, false);
    System.out.printf(Locale.ROOT, "median of %d runs after 2 warm-ups, ms%n%n", runs);
    StringBuilder header = new StringBuilder("| hosts | VMs | build snapshot (baseline) |");
    StringBuilder rule = new StringBuilder("|---|---|---|");
    for (String s : STRATEGIES) {
      header.append(' ').append(s).append(" |");
      rule.append("---|");
    }
    System.out.println(header);
    System.out.println(rule);
    for (int[] size : sizes) {
      StringBuilder row =
          new StringBuilder(String.format(Locale.ROOT, "| %,d | %,d |", size[0], size[1]));
      row.append(
          String.format(
              Locale.ROOT, " %.1f |", median(runs, () -> snapshot(size[0], size[1], 42))));
      ClusterSnapshot snapshot = snapshot(size[0], size[1], 42);
      for (String spec : STRATEGIES) {
        Strategy strategy = Strategies.create(spec, settings);
        int[] moves = new int[1];
        double ms = median(runs, () -> moves[0] = strategy.plan(snapshot).moves().size());
        row.append(String.format(Locale.ROOT, " %.1f (%d moves) |", ms, moves[0]));
      }
      System.out.println(row);
    }
  }

  private static double median(int runs, Runnable work) {
    for (int i = 0; i < 2; i++) {
      work.run();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms[runs / 2];
  }

  static ClusterSnapshot snapshot(int hostCount, int vmCount, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<VmLoad> vms = new ArrayList<>(vmCount);
    double[] used = new double[hostCount];
    for (int v = 0; v < vmCount; v++) {
      int host = random.nextInt(hostCount);
      int vcpus = 1 + random.nextInt(4);
      double mips = vcpus * 2600.0;
      double base = random.nextDouble(0.05, 0.6);
      double[] history = new double[30];
      for (int i = 0; i < history.length; i++) {
        history[i] = Math.max(0, Math.min(1, base + random.nextDouble(-0.15, 0.15)));
      }
      long memory = 2048L * (1 + random.nextInt(4));
      vms.add(
          new VmLoad(
              "vm-" + v,
              "host-" + host,
              vcpus,
              mips,
              memory,
              memory,
              history[0] * mips,
              DemandHistory.of(history),
              0.01,
              false,
              VmLoad.NEVER));
      used[host] += history[0] * mips;
    }
    List<HostLoad> hosts = new ArrayList<>(hostCount);
    for (int h = 0; h < hostCount; h++) {
      hosts.add(
          new HostLoad(
              "host-" + h,
              32,
              2600,
              262_144,
              Math.min(used[h], 32 * 2600.0),
              PowerModels.HP_PROLIANT_ML110_G5,
              1250,
              true));
    }
    return new ClusterSnapshot(86_400, 300, hosts, vms, Constraints.none());
  }
}
