package org.vimana.sim.replay.engine;

import java.util.ArrayList;
import java.util.List;
import org.vimana.balancer.state.IntList;
import org.vimana.sim.replay.HostType;
import org.vimana.sim.replay.Scenario;
import org.vimana.sim.replay.VmType;
import org.vimana.sim.replay.trace.TraceSet;

/**
 * The simulated data centre: host and VM types, which VM runs where (each host's VMs in arrival
 * order) and the migrations in flight. A migrating VM stays on its source until it completes.
 */
public final class World {

  final TraceSet traces;
  final HostType[] hostType;
  final VmType[] vmType;
  final String[] hostId;
  final String[] vmId;
  final IntList[] vmsOn;
  final IntList[] incoming;
  final int[] hostOf;
  final int[] migratingTo;
  final double[] migrationEnd;
  final long[] lastMigratedAt;
  final double[] migrationBandwidth;

  World(Scenario scenario, TraceSet traces) {
    this.traces = traces;
    int hosts = scenario.hostCount();
    int vms = traces.vmCount();
    List<HostType> types = scenario.hostTypes();
    hostType = new HostType[hosts];
    hostId = new String[hosts];
    vmsOn = new IntList[hosts];
    incoming = new IntList[hosts];
    migrationBandwidth = new double[hosts];
    int block = (int) Math.ceil((double) hosts / types.size());
    for (int h = 0; h < hosts; h++) {
      hostType[h] = types.get(scenario.hostsAlternate() ? h % types.size() : h / block);
      hostId[h] = "host-" + h;
      vmsOn[h] = new IntList(4);
      incoming[h] = new IntList(2);
      migrationBandwidth[h] =
          hostType[h].bandwidthMbps() / 8 * scenario.settings().migrationShare();
    }
    vmType = assignVmTypes(scenario, traces);
    vmId = new String[vms];
    for (int v = 0; v < vms; v++) {
      vmId[v] = traces.name(v);
    }
    hostOf = new int[vms];
    migratingTo = new int[vms];
    migrationEnd = new double[vms];
    lastMigratedAt = new long[vms];
    java.util.Arrays.fill(hostOf, -1);
    java.util.Arrays.fill(migratingTo, -1);
    java.util.Arrays.fill(lastMigratedAt, Long.MIN_VALUE);
  }

  private static VmType[] assignVmTypes(Scenario scenario, TraceSet traces) {
    int n = traces.vmCount();
    List<VmType> types = scenario.vmTypes();
    VmType[] out = new VmType[n];
    int block = (int) Math.ceil((double) n / types.size());
    for (int i = 0; i < n; i++) {
      final int v = i;
      var named = traces.vmType(v);
      if (named.isPresent()) {
        out[v] =
            scenario
                .vmType(named.get())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "trace "
                                + traces.name(v)
                                + " names VM type '"
                                + named.get()
                                + "', which the scenario lacks"));
      } else {
        out[v] = types.get(scenario.vmTypesInBlocks() ? v / block : v % types.size());
      }
    }
    return out;
  }

  public int hostCount() {
    return hostType.length;
  }

  public int vmCount() {
    return vmType.length;
  }

  /** Demand of VM {@code v} at {@code seconds}, in MIPS. */
  double demand(int v, double seconds) {
    return traces.at(v, seconds) * vmType[v].mips();
  }

  /** Puts VM {@code v} on host {@code h} (initial placement). */
  void place(int v, int h) {
    hostOf[v] = h;
    vmsOn[h].add(v);
  }

  void startMigration(int v, int target, double end) {
    migratingTo[v] = target;
    migrationEnd[v] = end;
    incoming[target].add(v);
  }

  /** Completes VM {@code v}'s migration at {@code seconds}. */
  void completeMigration(int v, double seconds) {
    int target = migratingTo[v];
    vmsOn[hostOf[v]].removeValue(v);
    incoming[target].removeValue(v);
    vmsOn[target].add(v);
    hostOf[v] = target;
    migratingTo[v] = -1;
    lastMigratedAt[v] = (long) Math.floor(seconds);
  }

  /** The earliest migration end after {@code after}, or +infinity. */
  double nextCompletion() {
    double min = Double.POSITIVE_INFINITY;
    for (int v = 0; v < migratingTo.length; v++) {
      if (migratingTo[v] >= 0 && migrationEnd[v] < min) {
        min = migrationEnd[v];
      }
    }
    return min;
  }

  /** VMs whose migration ends at or before {@code seconds}, in VM order. */
  List<Integer> completingBy(double seconds) {
    List<Integer> out = new ArrayList<>();
    for (int v = 0; v < migratingTo.length; v++) {
      if (migratingTo[v] >= 0 && migrationEnd[v] <= seconds) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * Whether VM {@code v} asks for nothing from {@code seconds} to the next sample (CloudSim reads
   * demand a moment after each sample, so a single zero sample does not count).
   */
  boolean idleUntilNextSample(int v, double seconds) {
    int i = (int) Math.floor(seconds / traces.intervalSeconds());
    int last = traces.sampleCount() - 1;
    return traces.sample(v, Math.min(i, last)) == 0 && traces.sample(v, Math.min(i + 1, last)) == 0;
  }

  /** Whether VM {@code v} has left the data centre (retired as finished). */
  boolean retired(int v) {
    return hostOf[v] < 0;
  }

  /** VM {@code v} finishes and leaves its host. */
  void retire(int v) {
    vmsOn[hostOf[v]].removeValue(v);
    hostOf[v] = -1;
  }

  boolean hostActive(int h) {
    return !vmsOn[h].isEmpty() || !incoming[h].isEmpty();
  }
}
