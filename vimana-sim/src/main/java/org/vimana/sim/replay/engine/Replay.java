package org.vimana.sim.replay.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vimana.balancer.cost.MigrationCostModel;
import org.vimana.balancer.plan.Move;
import org.vimana.balancer.plan.Plan;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.snapshot.DemandHistory;
import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;
import org.vimana.balancer.strategy.Strategy;
import org.vimana.sim.replay.ReplaySettings;
import org.vimana.sim.replay.StepRecord;

/**
 * The time loop. Sample 0 is the creation instant (VMs are placed by nominal size); the strategy
 * plans at every later sample, whose demand it sees; migrations complete in between. Energy and SLA
 * are metered from the first planning instant to the last, span by span, a span ending at each
 * planning instant and each migration completion (so a host emptied at 10:00:14 stops drawing then,
 * not at the next sample). Each move is re-checked before it starts: a VM no longer on the move's
 * source is not moved (counted as rejected); a second hop of the same VM in one plan waits for the
 * first to complete.
 */
public final class Replay {

  /** What the loop counts beside the meter. */
  public record Totals(
      Meter meter,
      int migrations,
      int thrashes,
      int rejected,
      int retired,
      List<StepRecord> timeline) {}

  private final World world;
  private final Strategy strategy;
  private final MigrationCostModel costModel;
  private final SnapshotBuilder snapshots;
  private final ReplaySettings settings;
  private final Map<String, Integer> vmIndex = new HashMap<>();
  private final Map<String, Integer> hostIndex = new HashMap<>();
  private final HostLoad[] hostLoads;
  private final int[] lastSource;
  private final double[] lastMoveTime;
  private final int[] nextHop;
  private final HostStates start;
  private final HostStates end;
  private final Meter meter;
  private int migrations;
  private int thrashes;
  private int rejected;
  private int retired;

  Replay(
      World world,
      Strategy strategy,
      MigrationCostModel costModel,
      SnapshotBuilder snapshots,
      ReplaySettings settings) {
    this.world = world;
    this.strategy = strategy;
    this.costModel = costModel;
    this.snapshots = snapshots;
    this.settings = settings;
    meter = new Meter(world.hostCount(), world.vmCount());
    hostLoads = new HostLoad[world.hostCount()];
    for (int h = 0; h < world.hostCount(); h++) {
      hostIndex.put(world.hostId[h], h);
      var t = world.hostType[h];
      hostLoads[h] =
          new HostLoad(
              world.hostId[h],
              t.cores(),
              t.mipsPerCore(),
              t.memoryMib(),
              0,
              t.power(),
              world.migrationBandwidth[h],
              true);
    }
    for (int v = 0; v < world.vmCount(); v++) {
      vmIndex.put(world.vmId[v], v);
    }
    lastSource = new int[world.vmCount()];
    lastMoveTime = new double[world.vmCount()];
    nextHop = new int[world.vmCount()];
    Arrays.fill(lastSource, -1);
    Arrays.fill(nextHop, -1);
    start = new HostStates(world.hostCount(), world.vmCount());
    end = new HostStates(world.hostCount(), world.vmCount());
  }

  Totals run() {
    long interval = world.traces.intervalSeconds();
    int samples = world.traces.sampleCount();
    List<StepRecord> timeline = new ArrayList<>(samples);
    double last = interval;
    for (int k = 1; k < samples; k++) {
      double now = (double) k * interval;
      if (k > 1) {
        last = advance(last, now);
        end.compute(world, now);
        meter.span(world, start, end, now - last);
        last = now;
      } else {
        end.compute(world, now);
      }
      retireIdle(now);
      long began = System.nanoTime();
      ClusterSnapshot snapshot = snapshots.build(k, end);
      Plan plan = strategy.plan(snapshot);
      double planMillis = (System.nanoTime() - began) / 1e6;
      int started = execute(plan, now);
      timeline.add(record(k * interval, started, planMillis));
      start.compute(world, now);
    }
    return new Totals(meter, migrations, thrashes, rejected, retired, timeline);
  }

  /** Completes the migrations due before {@code until}, metering span by span. */
  private double advance(double from, double until) {
    double last = from;
    while (true) {
      double next = world.nextCompletion();
      if (next >= until) {
        return last;
      }
      end.compute(world, next);
      meter.span(world, start, end, next - last);
      retireIdle(next);
      for (int v : world.completingBy(next)) {
        world.completeMigration(v, next);
        if (nextHop[v] >= 0) {
          int target = nextHop[v];
          nextHop[v] = -1;
          startMigration(v, world.hostOf[v], target, next);
        }
      }
      retireIdle(next);
      start.compute(world, next);
      last = next;
    }
  }

  /** Retires the VMs that ask for nothing until the next sample (CloudSim's finished VMs). */
  private void retireIdle(double seconds) {
    if (!settings.retireIdleVms()) {
      return;
    }
    for (int v = 0; v < world.vmCount(); v++) {
      if (!world.retired(v) && world.migratingTo[v] < 0 && world.idleUntilNextSample(v, seconds)) {
        world.retire(v);
        retired++;
      }
    }
  }

  private int execute(Plan plan, double now) {
    int started = 0;
    for (Move move : plan.moves()) {
      Integer v = vmIndex.get(move.vmId());
      Integer target = hostIndex.get(move.targetHostId());
      Integer source = hostIndex.get(move.sourceHostId());
      if (v == null || target == null || source == null || source.equals(target)) {
        rejected++;
        continue;
      }
      if (world.migratingTo[v] == source && nextHop[v] < 0) {
        nextHop[v] = target;
        started++;
        continue;
      }
      if (world.hostOf[v] != source || world.migratingTo[v] >= 0) {
        rejected++;
        continue;
      }
      startMigration(v, source, target, now);
      started++;
    }
    return started;
  }

  private void startMigration(int v, int source, int target, double now) {
    var type = world.vmType[v];
    var vm =
        new VmLoad(
            world.vmId[v],
            world.hostId[source],
            type.vcpus(),
            type.mips(),
            type.memoryMib(),
            0,
            0,
            DemandHistory.empty(),
            settings.dirtyRate(),
            false,
            VmLoad.NEVER);
    double seconds = costModel.estimate(vm, hostLoads[source], hostLoads[target]).seconds();
    world.startMigration(v, target, now + seconds);
    if (lastSource[v] == target && now - lastMoveTime[v] < settings.thrashWindowSeconds()) {
      thrashes++;
    }
    lastSource[v] = source;
    lastMoveTime[v] = now;
    migrations++;
  }

  private StepRecord record(long time, int started, double planMillis) {
    int active = 0;
    int overloaded = 0;
    double sum = 0;
    double sum2 = 0;
    double watts = 0;
    for (int h = 0; h < world.hostCount(); h++) {
      if (end.used[h] <= 0) {
        continue;
      }
      var type = world.hostType[h];
      double load = end.demand[h] / type.capacityMips();
      active++;
      sum += load;
      sum2 += load * load;
      overloaded += load > 1 ? 1 : 0;
      watts += type.power().watts(end.utilisation(world, h));
    }
    double mean = active == 0 ? 0 : sum / active;
    double sd = active == 0 ? 0 : Math.sqrt(Math.max(0, sum2 / active - mean * mean));
    return new StepRecord(time, active, mean, sd, overloaded, started, watts, planMillis);
  }
}
