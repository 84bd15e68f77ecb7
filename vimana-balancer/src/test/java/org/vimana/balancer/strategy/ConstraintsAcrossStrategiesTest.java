package org.vimana.balancer.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.vimana.balancer.Fixtures.cluster;
import static org.vimana.balancer.Fixtures.settings;
import static org.vimana.balancer.strategy.PlanAssert.hostAfter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vimana.balancer.Fixtures;
import org.vimana.balancer.plan.Move;
import org.vimana.balancer.plan.Plan;
import org.vimana.balancer.plan.Reason;
import org.vimana.balancer.power.PowerModel;
import org.vimana.balancer.power.SpecPowerModel;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.snapshot.Constraints;
import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;

/**
 * The rules every strategy honours, checked for each of them on the same small clusters. Each test
 * first plans without the rule and shows the strategy then makes the move the rule forbids, so the
 * test fails if the rule is dropped; then it plans with the rule and checks the move is not made.
 * Every plan is also checked against every rule of its snapshot ({@link #assertHonoured}).
 */
class ConstraintsAcrossStrategiesTest {

  /**
   * The strategies, each with the load it keeps its targets under: the hot threshold of the
   * settings for equalize, T for threshold, the detector's threshold for consolidation (IQR falls
   * back to THR 0.7 with the fixtures' 3 samples of history, as in the paper).
   */
  static Stream<Arguments> strategies() {
    return Stream.of(
        arguments("equalize:3", 0.8),
        arguments("threshold:0.8", 0.8),
        arguments("thr-mmt:0.8", 0.8),
        arguments("iqr-mc:1.5", 0.7));
  }

  private static Plan plan(String spec, ClusterSnapshot s) {
    return Strategies.create(spec, settings()).plan(s);
  }

  /** Host a is hot (90 %); b (10 %) and c (15 %) have room for one of its VMs, d (60 %) has not. */
  private static Fixtures hot() {
    return cluster().host("a", 0.9, 0.9).host("b", 0.2).host("c", 0.3).host("d", 0.6, 0.6);
  }

  /** Where {@code spec} sends a-vm0 off the hot host a when nothing forbids it. */
  private static String freeTargetOfAVm0(String spec, double hotThreshold) {
    var s = hot().snapshot();
    var free = plan(spec, s);
    assertHonoured(s, free, hotThreshold);
    String target = hostAfter(free, "a-vm0", "a");
    assertThat(target).as("%s relieves hot host a by moving a-vm0", spec).isNotEqualTo("a");
    return target;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void noHostEndsAboveItsCpuOrMemoryCapacity(String spec, double hotThreshold) {
    // The only host with CPU room for a VM of hot host a is b, whose big VM leaves exactly the
    // 1024 MiB one of a's VMs reserves: a-vm0 goes there. One MiB less and it must not.
    // (CPU capacity cannot bind before a hot threshold of at most 100 % does: assertHonoured
    // checks it on every plan, and noMoveMakesANewHotSpot shows the threshold binding.)
    var fits = memoryBound(7168);
    var fitsPlan = plan(spec, fits);
    assertThat(hostAfter(fitsPlan, "a-vm0", "a")).as("1024 MiB free on b").isEqualTo("b");
    assertHonoured(fits, fitsPlan, hotThreshold);

    var full = memoryBound(7169);
    var fullPlan = plan(spec, full);
    assertThat(fullPlan.moves()).noneMatch(m -> m.targetHostId().equals("b"));
    assertHonoured(full, fullPlan, hotThreshold);
  }

  /** a hot (90 %), b cool (10 %) with a VM reserving {@code reservedOnB} MiB, c warm (60 %). */
  private static ClusterSnapshot memoryBound(long reservedOnB) {
    var f = cluster().host("a", 0.9, 0.9).host("b", 0.2).host("c", 0.6, 0.6);
    var big = f.vmNamed("b-vm0");
    return f.replace(Fixtures.withMemory(big, reservedOnB, reservedOnB)).snapshot();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void aPinnedVmNeverMoves(String spec, double hotThreshold) {
    freeTargetOfAVm0(spec, hotThreshold);
    var s = hot().constraints(Constraints.none().withPinned(Set.of("a-vm0"))).snapshot();
    var plan = plan(spec, s);
    assertThat(plan.moves()).noneMatch(m -> m.vmId().equals("a-vm0"));
    assertHonoured(s, plan, hotThreshold);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void antiAffinityMembersNeverEndOnOneHost(String spec, double hotThreshold) {
    var free = plan(spec, hot().snapshot());
    List<String> pair = aVmMovedNextToAnother(hot().snapshot(), free);
    var s = hot().constraints(Constraints.none().withAntiAffinity(Set.copyOf(pair))).snapshot();
    var plan = plan(spec, s);
    assertThat(endsOn(s, plan, pair.get(0))).isNotEqualTo(endsOn(s, plan, pair.get(1)));
    assertHonoured(s, plan, hotThreshold);
  }

  /** A VM the plan moves and another VM that ends on the same host. */
  private static List<String> aVmMovedNextToAnother(ClusterSnapshot s, Plan plan) {
    for (Move m : plan.moves()) {
      for (VmLoad other : s.vms()) {
        if (!other.id().equals(m.vmId()) && endsOn(s, plan, other.id()).equals(m.targetHostId())) {
          return List.of(m.vmId(), other.id());
        }
      }
    }
    throw new AssertionError("the plan moves no VM next to another: " + plan.moves());
  }

  /** The host {@code vm} of {@code s} is on after {@code plan}. */
  private static String endsOn(ClusterSnapshot s, Plan plan, String vm) {
    return PlanAssert.hostAfter(plan, vm, s.findVm(vm).orElseThrow().hostId());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void aVmNeverLeavesAnAffinityPartnerItIsWith(String spec, double hotThreshold) {
    var free = plan(spec, hot().snapshot());
    assertThat(hostAfter(free, "a-vm0", "a"))
        .as("without the rule a-vm0 leaves a-vm1")
        .isNotEqualTo(hostAfter(free, "a-vm1", "a"));
    var s = hot().constraints(Constraints.none().withAffinity(Set.of("a-vm0", "a-vm1"))).snapshot();
    var plan = plan(spec, s);
    assertThat(hostAfter(plan, "a-vm0", "a")).isEqualTo(hostAfter(plan, "a-vm1", "a"));
    assertHonoured(s, plan, hotThreshold);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void nothingMovesOntoAHostInMaintenanceAndItsVmsLeave(String spec, double hotThreshold) {
    String target = freeTargetOfAVm0(spec, hotThreshold);
    var s = hot().constraints(Constraints.none().withMaintenance(Set.of(target))).snapshot();
    var plan = plan(spec, s);
    assertThat(plan.moves()).noneMatch(m -> m.targetHostId().equals(target));
    assertThat(plan.moves())
        .filteredOn(m -> m.sourceHostId().equals(target))
        .extracting(Move::vmId, Move::reason)
        .containsExactly(tuple(target + "-vm0", Reason.MAINTENANCE));
    assertHonoured(s, plan, hotThreshold);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void aMaintenanceHostIsEvacuatedBySpreadingNotByDumping(String spec, double hotThreshold) {
    // x is the best host for one of m's VMs (the coolest, and its power hardly grows) ...
    var alone = plan(spec, evacuating(0.2).snapshot());
    assertThat(alone.moves())
        .filteredOn(m -> m.sourceHostId().equals("m"))
        .extracting(Move::vmId, Move::targetHostId)
        .containsExactly(tuple("m-vm0", "x"));
    // ... and has room for all four (5 % + 4 x 10 % = 45 %), but they are spread.
    var s = evacuating(0.2, 0.2, 0.2, 0.2).snapshot();
    var plan = plan(spec, s);
    var evacuations = plan.moves().stream().filter(m -> m.sourceHostId().equals("m")).toList();
    assertThat(evacuations).hasSize(4).allMatch(m -> m.reason() == Reason.MAINTENANCE);
    assertThat(evacuations.stream().map(Move::targetHostId).distinct()).hasSize(4);
    assertHonoured(s, plan, hotThreshold);
  }

  /** Draws 100 W idle and 101 W flat out: power-aware placement always prefers it. */
  private static final PowerModel NEARLY_FLAT =
      SpecPowerModel.of(
          "nearly-flat", 100, 100.1, 100.2, 100.3, 100.4, 100.5, 100.6, 100.7, 100.8, 100.9, 101);

  /**
   * m in maintenance with VMs of the given demands; x at 5 % with a {@link #NEARLY_FLAT} power
   * table; y, z and w at 30 %.
   */
  private static Fixtures evacuating(double... onM) {
    return cluster()
        .host("m", onM)
        .host("x", NEARLY_FLAT, 0.1)
        .host("y", 0.6)
        .host("z", 0.6)
        .host("w", 0.6)
        .constraints(Constraints.none().withMaintenance(Set.of("m")));
  }

  /** Hot host a (135 %) needs two VMs moved away; b, c and d are nearly idle. */
  private static Fixtures twoToShed() {
    return cluster().host("a", 0.9, 0.9, 0.9).host("b", 0.1).host("c", 0.1).host("d", 0.1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void noHostTakesPartInMoreMigrationsThanTheLimit(String spec, double hotThreshold) {
    var free = plan(spec, twoToShed().snapshot());
    assertThat(migrationsOf(free, "a")).as("without a limit").isGreaterThanOrEqualTo(2);

    var s = twoToShed().constraints(Constraints.none().withMaxMigrationsPerHost(1)).snapshot();
    var plan = plan(spec, s);
    assertThat(migrationsOf(plan, "a")).as("a still sheds within the limit").isEqualTo(1);
    assertHonoured(s, plan, hotThreshold);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void migrationsInFlightCountTowardsTheLimit(String spec, double hotThreshold) {
    var limit = Constraints.none().withMaxMigrationsPerHost(2);
    var idle = twoToShed().constraints(limit).snapshot();
    assertThat(migrationsOf(plan(spec, idle), "a")).as("nothing in flight").isEqualTo(2);

    var f = twoToShed().constraints(limit);
    var s = f.replace(f.vmNamed("a-vm2").withMigrating(true)).snapshot();
    var plan = plan(spec, s);
    assertThat(plan.moves()).noneMatch(m -> m.vmId().equals("a-vm2"));
    assertThat(migrationsOf(plan, "a")).as("one of a's two in flight").isEqualTo(1);
    assertHonoured(s, plan, hotThreshold);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void anEvacuatedAffinityGroupCountsTowardsTheLimitOfTheHostItLeaves(
      String spec, double hotThreshold) {
    // m in maintenance holds a large VM and a pair that must stay together: three migrations.
    var rules = Constraints.none().withMaintenance(Set.of("m")).withAffinity(groupOnM);
    var free = plan(spec, leavingM(rules));
    assertThat(migrationsOf(free, "m")).as("without a limit").isEqualTo(3);

    var s = leavingM(rules.withMaxMigrationsPerHost(2));
    var plan = plan(spec, s);
    assertThat(migrationsOf(plan, "m")).as("m takes part in").isEqualTo(1);
    assertThat(plan.notes()).anyMatch(n -> n.contains("m-vm1") && n.contains("m-vm2"));
    assertHonoured(s, plan, hotThreshold);
  }

  private static final Set<String> groupOnM = Set.of("m-vm1", "m-vm2");

  /** m: a VM at 45 % and two at 10 % each; x and y nearly idle. */
  private static ClusterSnapshot leavingM(Constraints rules) {
    return cluster()
        .host("m", 0.9, 0.2, 0.2)
        .host("x", 0.1)
        .host("y", 0.1)
        .constraints(rules)
        .snapshot();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void noMoveMakesANewHotSpot(String spec, double hotThreshold) {
    // Hot host a (95 %) sends one of its VMs (+47.5 %) to b when b stays cool enough ...
    var cool = cluster().host("a", 0.95, 0.95).host("b", 0.2).snapshot();
    var coolPlan = plan(spec, cool);
    assertThat(coolPlan.moves()).extracting(Move::targetHostId).containsExactly("b");
    assertHonoured(cool, coolPlan, hotThreshold);
    // ... but not when b (40 %) would reach 87.5 %: still cooler than a, within capacity, yet hot.
    var warm = cluster().host("a", 0.95, 0.95).host("b", 0.8).snapshot();
    var warmPlan = plan(spec, warm);
    assertThat(warmPlan.moves()).isEmpty();
    assertHonoured(warm, warmPlan, hotThreshold);
  }

  /** Planned migrations from or to {@code host}. */
  private static long migrationsOf(Plan plan, String host) {
    return plan.moves().stream()
        .filter(m -> m.sourceHostId().equals(host) || m.targetHostId().equals(host))
        .count();
  }

  /**
   * Checks {@code plan} against every rule of {@code s}: capacity (CPU demand and reserved memory
   * within each host), no target above {@code hotThreshold}, pinned VMs stay, anti-affinity members
   * apart, affinity members that were together still together, nothing onto a host in maintenance,
   * the migration limit per host counting migrations in flight.
   */
  static void assertHonoured(ClusterSnapshot s, Plan plan, double hotThreshold) {
    Map<String, String> hostOf = new HashMap<>();
    s.vms().forEach(v -> hostOf.put(v.id(), v.hostId()));
    plan.moves().forEach(m -> hostOf.put(m.vmId(), m.targetHostId()));
    Map<String, Double> loads = PlanAssert.loadsAfter(s, plan);
    Map<String, Long> memory = new HashMap<>();
    for (VmLoad vm : s.vms()) {
      memory.merge(hostOf.get(vm.id()), vm.memoryReservedMib(), Long::sum);
    }
    Set<String> targets = plan.moves().stream().map(Move::targetHostId).collect(Collectors.toSet());
    for (HostLoad h : s.hosts()) {
      double load = loads.get(h.id());
      if (targets.contains(h.id())) {
        assertThat(load).as("CPU load of target %s", h.id()).isLessThanOrEqualTo(1.0);
        assertThat(load)
            .as("target %s after the plan", h.id())
            .isLessThanOrEqualTo(hotThreshold + 1e-9);
      }
      assertThat(memory.getOrDefault(h.id(), 0L))
          .as("memory reserved on %s", h.id())
          .isLessThanOrEqualTo(h.memoryMib());
    }
    Constraints c = s.constraints();
    assertThat(plan.moves()).noneMatch(m -> c.pinnedVms().contains(m.vmId()));
    assertThat(plan.moves()).noneMatch(m -> c.maintenanceHosts().contains(m.targetHostId()));
    for (Set<String> group : c.antiAffinityGroups()) {
      assertThat(group.stream().map(hostOf::get).distinct().count())
          .as("anti-affinity group %s", group)
          .isEqualTo(group.size());
    }
    for (Set<String> group : c.affinityGroups()) {
      for (String v : group) {
        for (String w : group) {
          if (s.findVm(v).orElseThrow().hostId().equals(s.findVm(w).orElseThrow().hostId())) {
            assertThat(hostOf.get(v)).as("%s stays with %s", v, w).isEqualTo(hostOf.get(w));
          }
        }
      }
    }
    if (c.maxMigrationsPerHost() > 0) {
      for (HostLoad h : s.hosts()) {
        long inFlight =
            s.vms().stream().filter(v -> v.migrating() && v.hostId().equals(h.id())).count();
        assertThat(migrationsOf(plan, h.id()) + inFlight)
            .as("migrations touching %s, in flight included", h.id())
            .isLessThanOrEqualTo(c.maxMigrationsPerHost());
      }
    }
    assertThat(plan.moves().stream().map(Move::vmId).distinct().count())
        .as("one move per VM")
        .isEqualTo(plan.moves().size());
  }
}
