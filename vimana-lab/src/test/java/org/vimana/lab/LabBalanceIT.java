package org.vimana.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.BalanceMoveView;
import org.vimana.api.model.BalancePlanView;
import org.vimana.api.model.BalanceSettingsRequest;
import org.vimana.api.model.BalanceStatus;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.api.model.MigrationView;
import org.vimana.api.model.VmFilter;
import org.vimana.api.model.VmView;

/**
 * Automatic balancing on real VMs, through the public API only: three lab hosts, a manager and
 * three libvirt nodes in this JVM, three VMs of the lab template all forced onto the first host.
 * CPU burners started in the guests through the agent make that host hot; in automatic mode the
 * daemon's timer plans and migrates VMs live until every host runs one, and the next rounds make no
 * move. The lab hosts share the machine's cores, so host CPU figures are machine-wide and alike;
 * the balancer works from per-VM demand (libvirt's per-domain CPU time), and so does this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabBalanceIT {
  private static final Duration BOOT = Duration.ofMinutes(3);
  private static final Duration CONVERGE = Duration.ofMinutes(4);
  private static final List<String> VMS = List.of("bal-vm-1", "bal-vm-2", "bal-vm-3");

  /** A burning guest's CPU share: 3 burners on 2 shared cores get ~66 % each, less under load. */
  private static final double BURNING_PERCENT = 25;

  @TempDir static Path dir;
  private LabCluster cluster;
  private VimanaClient api;
  private LabApi polls;
  private LabBalanceView view;
  private String hot;
  private final Map<String, Long> burners = new HashMap<>();
  private final Map<String, Long> boots = new HashMap<>();
  private final Map<String, Integer> countersBefore = new HashMap<>();
  private double spreadBefore;
  private Instant convergedAt;

  @BeforeAll
  void startLab() throws Exception {
    // Stats every 2 s: the demand history (EWMA, half-life 4 samples) follows the burners in ~10 s.
    cluster =
        LabCluster.start(
            dir,
            "lab-bal",
            3,
            c ->
                c.withIntervals(
                    Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(2)),
            Duration.ofSeconds(90));
    api = cluster.api;
    polls = new LabApi(api);
    view = new LabBalanceView(api, cluster.hostNames());
    hot = cluster.host(0).name();
    api.createTemplate(Lab.template());
    for (String vm : VMS) {
      api.createVm(new CreateVmRequest(vm, "lab", null, null, null, null, null, null, hot, null));
    }
    for (String vm : VMS) {
      LabApi.await(vm + " counts on its console", BOOT, () -> polls.counter(vm) >= 1);
      LabApi.await(vm + "'s agent ready", BOOT, () -> polls.agentReadiness(vm).equals("ready"));
    }
  }

  @AfterAll
  void stopLab() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void burnersStartedThroughTheAgentMakeOneHostHot() throws Exception {
    assertThat(api.balance().mode()).isEqualTo("off");
    Map<String, Double> idle = new TreeMap<>();
    for (VmView v : view.vms()) {
      assertThat(v.hostName()).isEqualTo(hot);
      idle.put(v.name(), v.cpuPercent());
    }
    for (String vm : VMS) {
      JsonNode started = polls.exec(vm, "while :; do :; done");
      burners.put(vm, started.get("pid").asLong());
    }
    view.awaitOrExplain(
        "every guest burning its vCPU",
        Duration.ofMinutes(5),
        () -> view.vms().stream().allMatch(v -> LabBalanceView.cpu(v) >= BURNING_PERCENT));
    Thread.sleep(6_000); // three more samples into each VM's demand history
    Map<String, Double> load = view.hostLoads();
    spreadBefore = LabBalanceView.spread(load);
    for (VmView v : view.vms()) {
      boots.put(v.name(), v.bootCount());
      countersBefore.put(v.name(), polls.counter(v.name()));
      assertThat(v.hostName()).as("nothing moves while balancing is off").isEqualTo(hot);
    }
    assertThat(load.get(hot)).isGreaterThan(0.25);
    assertThat(api.migrations(null, 10)).isEmpty();
    BalancePlanView advice = api.balancePlan();
    assertThat(advice.status()).isIn("advisory", "empty");
    System.out.printf(
        "LabBalanceIT: VM CPU %% idle %s, burning %s; host load %s; advice while off: %s%n",
        idle, view.vmCpu(), load, advice.message());
  }

  @Test
  @Order(2)
  void automaticModeMigratesVmsOffTheHotHostUntilTheLoadsConverge() throws Exception {
    BalanceStatus s = api.setBalance(new BalanceSettingsRequest("automatic", "equalize", 3, 5L));
    assertThat(s.mode()).isEqualTo("automatic");
    assertThat(s.nextRunAt()).isNotNull();
    Instant on = Instant.now();
    view.awaitOrExplain(
        "one VM per host with no plan being applied",
        CONVERGE,
        () ->
            view.perHost().size() == 3
                && view.periodic().stream().noneMatch(p -> p.status().equals("applying")));

    List<BalancePlanView> withMoves =
        view.periodic().stream().filter(p -> !p.moves().isEmpty()).toList();
    assertThat(withMoves).isNotEmpty();
    List<BalanceMoveView> moves = withMoves.stream().flatMap(p -> p.moves().stream()).toList();
    assertThat(withMoves)
        .allSatisfy(
            p -> {
              assertThat(p.mode()).isEqualTo("automatic");
              assertThat(p.strategy()).isEqualTo("equalize:3");
              assertThat(p.status()).as(p.message()).isEqualTo("done");
            });
    assertThat(moves)
        .as("two moves: one VM to each cool host")
        .hasSize(2)
        .allSatisfy(
            m -> {
              assertThat(m.outcome()).as(m.outcomeMessage()).isEqualTo("done");
              assertThat(m.source()).isEqualTo(hot);
              assertThat(m.reason()).isEqualTo("imbalance");
              assertThat(m.migrationId()).isNotNull();
            });
    assertThat(moves).extracting(BalanceMoveView::target).doesNotHaveDuplicates();
    List<MigrationView> migrations = api.migrations(null, 50);
    assertThat(migrations)
        .hasSize(2)
        .allSatisfy(m -> assertThat(m.state()).as(m.message()).isEqualTo("succeeded"));
    convergedAt = moves.stream().map(BalanceMoveView::endedAt).max(Instant::compareTo).get();

    everyGuestStillRunsAndCounts();
    // Before: the hot host carried all three burners (~1.0), the others nothing. A moved VM's
    // first sample on its new host reads 0 %, so the loads settle a sample or two after the move.
    double bound = Math.min(0.25, spreadBefore / 2);
    view.awaitOrExplain(
        "host load spread below " + bound,
        Duration.ofSeconds(30),
        () -> LabBalanceView.spread(view.hostLoads()) < bound);
    Map<String, Double> load = view.hostLoads();
    System.out.printf(
        "LabBalanceIT: %d plan(s), %d migrations, converged %d ms after automatic mode was set;"
            + " imbalance %.3f; host load spread %.2f -> %.2f %s; VM CPU %% %s%n",
        withMoves.size(),
        moves.size(),
        Duration.between(on, convergedAt).toMillis(),
        withMoves.get(withMoves.size() - 1).imbalance(),
        spreadBefore,
        LabBalanceView.spread(load),
        load,
        view.vmCpu());
    for (MigrationView m : migrations) {
      System.out.printf(
          "LabBalanceIT: %s %s -> %s total %d ms, downtime %d ms, %d MiB%n",
          m.vmName(), m.source(), m.target(), m.totalMs(), m.downtimeMs(), m.transferredMib());
    }
  }

  @Test
  @Order(3)
  void furtherPeriodicRoundsMakeNoMove() throws Exception {
    LabApi.await(
        "two periodic rounds after the loads converged",
        Duration.ofMinutes(1),
        () ->
            view.periodic().stream().filter(p -> p.createdAt().isAfter(converged())).count() >= 2);
    List<BalancePlanView> after =
        view.periodic().stream().filter(p -> p.createdAt().isAfter(converged())).toList();
    double first = view.periodic().get(0).imbalance();
    assertThat(after)
        .allSatisfy(
            p -> {
              assertThat(p.status()).as(p.message()).isEqualTo("empty");
              assertThat(p.moves()).isEmpty();
              // Not near 0 at once: a VM's first sample on its new host reads 0 % CPU.
              assertThat(p.imbalance()).isLessThan(first);
            });
    assertThat(api.migrations(null, 50)).hasSize(2);
    assertThat(view.perHost()).hasSize(3);
    System.out.printf(
        "LabBalanceIT: %d later round(s) empty at imbalance %s (first plan at %.3f)%n",
        after.size(), after.stream().map(p -> "%.3f".formatted(p.imbalance())).toList(), first);
  }

  @Test
  @Order(4)
  void theBurnersStopThroughTheAgentAndTheVmsAreDeleted() throws Exception {
    api.setBalance(new BalanceSettingsRequest("off", null, null, null));
    for (String vm : VMS) {
      VmView v = api.vm(vm);
      long pid = burners.get(vm);
      // Moved or not, every guest's agent answers on the host the VM is on now.
      LabApi.await(
          vm + "'s agent ready on " + v.hostName(),
          Duration.ofSeconds(60),
          () -> polls.agentReadiness(vm).equals("ready"));
      polls.exec(vm, "kill " + pid);
      LabApi.await(vm + "'s burner ended", Duration.ofMinutes(1), () -> polls.exited(vm, pid));
      System.out.printf(
          "LabBalanceIT: %s on %s: burner stopped through the agent%n", vm, v.hostName());
    }
    everyGuestStillRunsAndCounts();
    for (String vm : VMS) {
      api.deleteVm(vm, true);
    }
    assertThat(api.vms(VmFilter.all())).isEmpty();
  }

  private void everyGuestStillRunsAndCounts() throws Exception {
    for (String vm : VMS) {
      VmView v = api.vm(vm);
      assertThat(v.state()).isEqualTo("running");
      assertThat(v.bootCount()).as(vm + " not rebooted").isEqualTo(boots.get(vm));
      int now = polls.counter(vm);
      LabApi.await(vm + " counts on", Duration.ofMinutes(1), () -> polls.counter(vm) > now);
      assertThat(polls.counter(vm)).isGreaterThan(countersBefore.get(vm));
      assertThat(polls.counters(vm)).as(vm + "'s counter never reset").isSorted();
    }
  }

  private Instant converged() {
    assertThat(convergedAt).as("the loads converged (previous test)").isNotNull();
    return convergedAt;
  }
}
