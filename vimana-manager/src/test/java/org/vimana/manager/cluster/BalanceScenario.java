package org.vimana.manager.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vimana.manager.cluster.ManagerScenario.expect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.api.client.ApiException;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.BalanceMoveView;
import org.vimana.api.model.BalancePlanView;
import org.vimana.api.model.BalanceSettingsRequest;
import org.vimana.api.model.BalanceStatus;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.api.model.HostView;
import org.vimana.api.model.MigrateRequest;
import org.vimana.api.model.MigrationView;
import org.vimana.api.model.PlacementAdvice;
import org.vimana.api.model.VmFilter;
import org.vimana.api.model.VmView;
import org.vimana.core.template.Template;
import org.vimana.core.workload.Workload;
import org.vimana.manager.ManagerConfig;

/**
 * The balancing daemon through the public API, on a manager with three sim node daemons in this JVM
 * sharing the process's sim fabric (so VMs really move). Six VMs of 1 vCPU at a constant 60 % CPU
 * start on m1 (4 cores: 90 % busy) and leave m2 and m3 idle. Subclasses choose the database.
 */
abstract class BalanceScenario {
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final List<String> HOSTS = List.of("m1", "m2", "m3");

  @TempDir Path dir;
  private SimCluster cluster;
  private VimanaClient api;

  abstract ManagerConfig database(ManagerConfig config) throws Exception;

  @BeforeEach
  void start() throws Exception {
    cluster = SimCluster.start(dir, this::database);
    api = cluster.api;
    for (String h : HOSTS) {
      cluster.simHost(h, "8G");
    }
    api.createTemplate(new Template("hot", "", 1, 1024, 1, "", new Workload.Constant(0.6, 0.5)));
    for (int i = 1; i <= 6; i++) {
      api.createVm(
          new CreateVmRequest("vm" + i, "hot", null, null, null, null, null, null, "m1", null));
    }
    await(
        "six VMs running on m1, each busy, and m1 hot",
        () ->
            vms().stream()
                        .filter(
                            v ->
                                v.state().equals("running")
                                    && v.cpuPercent() != null
                                    && v.cpuPercent() > 50)
                        .count()
                    == 6
                && host("m1").cpuPercent() != null
                && host("m1").cpuPercent() > 85);
  }

  private BalancePlanView newPlan() {
    try {
      return api.balancePlan();
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void automaticModeMigratesUntilTheLoadsConvergeAndTheNextRoundMakesNoMove() throws Exception {
    Map<String, Long> boots = new HashMap<>();
    vms().forEach(v -> boots.put(v.name(), v.bootCount()));
    BalanceStatus s = api.setBalance(new BalanceSettingsRequest("automatic", "equalize", 3, 5L));
    assertThat(s.mode()).isEqualTo("automatic");
    assertThat(s.planner()).isEqualTo("equalize:3");
    assertThat(s.nextRunAt()).isNotNull();

    // The timer, not an operator, makes and applies the first plan.
    await(
        "a periodic plan applied",
        () -> periodic().stream().anyMatch(p -> p.status().equals("done")));
    BalancePlanView first = periodic().get(periodic().size() - 1);
    assertThat(first.mode()).isEqualTo("automatic");
    assertThat(first.strategy()).isEqualTo("equalize:3");
    assertThat(first.moves()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(first.moves())
        .allSatisfy(
            m -> {
              assertThat(m.outcome()).as(m.outcomeMessage()).isEqualTo("done");
              assertThat(m.source()).isEqualTo("m1");
              assertThat(m.reason()).isEqualTo("imbalance");
              assertThat(m.detail()).isNotBlank();
              assertThat(m.expectedGain()).isPositive();
              assertThat(m.migrationId()).isNotNull();
            });
    assertThat(first.done()).isEqualTo(first.moves().size());

    // The loads converged: two VMs per host, every guest still running, none rebooted.
    Map<String, Long> perHost = new HashMap<>();
    for (VmView v : vms()) {
      assertThat(v.state()).isEqualTo("running");
      assertThat(v.bootCount()).isEqualTo(boots.get(v.name()));
      perHost.merge(v.hostName(), 1L, Long::sum);
    }
    assertThat(perHost).containsOnly(Map.entry("m1", 2L), Map.entry("m2", 2L), Map.entry("m3", 2L));
    await(
        "host CPU figures converge",
        () -> HOSTS.stream().allMatch(h -> within(host(h).cpuPercent(), 25, 40)));
    assertThat(api.migrations(null, 50))
        .hasSize(first.moves().size())
        .allSatisfy(m -> assertThat(m.state()).isEqualTo("succeeded"));

    // The next periodic round finds nothing to do, and so does one asked for.
    await("a second periodic round", () -> periodic().size() >= 2);
    BalancePlanView second = periodic().get(periodic().size() - 2);
    assertThat(second.status()).as(second.message()).isEqualTo("empty");
    assertThat(second.moves()).isEmpty();
    BalancePlanView asked = api.balancePlan();
    assertThat(asked.trigger()).isEqualTo("on_demand");
    assertThat(asked.status()).isEqualTo("empty");
    assertThat(asked.message()).startsWith("nothing to do at imbalance");
    assertThat(api.migrations(null, 50)).hasSize(first.moves().size());
    assertThat(api.balance().lastPlan().id()).isEqualTo(asked.id());
  }

  @Test
  void recommendModeWaitsForApprovalAndSkipsMovesAConcurrentChangeMadeStale() throws Exception {
    // The most aggressive setting plans every worthwhile move at once: two of them go stale below.
    api.setBalance(new BalanceSettingsRequest("recommend", "equalize", 5, null));
    // The VMs' demand history fills with the nodes' stats: plan until it shows the hot host.
    BalancePlanView[] planned = new BalancePlanView[1];
    await(
        "a pending plan with at least two moves",
        () -> {
          planned[0] = newPlan();
          return planned[0].status().equals("pending") && planned[0].moves().size() >= 2;
        });
    BalancePlanView plan = planned[0];
    assertThat(plan.moves()).allSatisfy(m -> assertThat(m.outcome()).isEqualTo("planned"));
    assertThat(api.balance().pendingPlan().id()).isEqualTo(plan.id());
    Thread.sleep(1000);
    assertThat(api.migrations(null, 10)).as("nothing moves before approval").isEmpty();
    assertThat(vms()).allSatisfy(v -> assertThat(v.hostName()).isEqualTo("m1"));

    // Concurrent changes: the first VM of the plan is deleted, the second moved by hand.
    BalanceMoveView deleted = plan.moves().get(0);
    BalanceMoveView movedByHand = plan.moves().get(1);
    api.deleteVm(deleted.vm(), true);
    String elsewhere = movedByHand.target().equals("m2") ? "m3" : "m2";
    MigrationView m =
        api.migrate(movedByHand.vm(), new MigrateRequest(elsewhere, null, null, null));
    await("manual migration ended", () -> migration(m.id()).endedAt() != null);

    BalancePlanView applying = api.applyBalancePlan(null);
    assertThat(applying.id()).isEqualTo(plan.id());
    assertThat(applying.status()).isEqualTo("applying");
    assertThat(api.balance().pendingPlan()).isNull();
    await("plan applied", () -> planById(plan.id()).status().equals("done"));

    BalancePlanView done = planById(plan.id());
    assertThat(done.moves().get(0).outcome()).isEqualTo("skipped");
    assertThat(done.moves().get(0).outcomeMessage())
        .isEqualTo("stale: vm " + deleted.vm() + " no longer exists");
    assertThat(done.moves().get(1).outcome()).isEqualTo("skipped");
    assertThat(done.moves().get(1).outcomeMessage())
        .isEqualTo("stale: vm " + movedByHand.vm() + " is now on " + elsewhere + ", not m1");
    assertThat(done.moves().subList(2, done.moves().size()))
        .allSatisfy(x -> assertThat(x.outcome()).as(x.outcomeMessage()).isEqualTo("done"));
    assertThat(done.skipped()).isEqualTo(2);
    assertThat(done.done()).isEqualTo(done.moves().size() - 2);
    assertThat(done.message()).isEqualTo(done.done() + " done, 2 skipped, 0 failed");
    assertThat(vm(movedByHand.vm()).hostName()).isEqualTo(elsewhere);

    // History lists the decision with its outcomes; it cannot be applied twice.
    List<BalancePlanView> history = api.balanceHistory(10);
    assertThat(history.get(0).id()).isEqualTo(plan.id());
    assertThat(history.get(0).moves())
        .extracting(BalanceMoveView::outcome)
        .containsExactlyElementsOf(done.moves().stream().map(BalanceMoveView::outcome).toList())
        .contains("skipped");
    expect(409, "is done; only a pending", () -> api.applyBalancePlan(plan.id()));
    expect(409, "no plan waits for approval", () -> api.applyBalancePlan(null));
    expect(404, "no balance plan 'nope'", () -> api.applyBalancePlan("nope"));
    expect(404, "no balance plan 'nope'", () -> api.balancePlanById("nope"));

    // A newer plan supersedes one still waiting.
    BalancePlanView a = api.balancePlan();
    BalancePlanView b = api.balancePlan();
    if (!a.status().equals("empty")) {
      assertThat(planById(a.id()).status()).isEqualTo("superseded");
      assertThat(planById(a.id()).message()).isEqualTo("superseded by plan " + b.id());
    }
  }

  @Test
  void badSettingsAreRefusedWithTheReasonAndPlacementAdviceExplainsItself() throws Exception {
    expect(
        400,
        "mode must be one of off, recommend, automatic; got 'fast'",
        () -> api.setBalance(new BalanceSettingsRequest("fast", null, null, null)));
    expect(
        400,
        "unknown strategy 'magic'",
        () -> api.setBalance(new BalanceSettingsRequest(null, "magic", null, null)));
    expect(
        400,
        "aggressiveness must be from 1 (mandatory moves only) to 5, got 9",
        () -> api.setBalance(new BalanceSettingsRequest(null, null, 9, null)));
    expect(
        400,
        "intervalSeconds must be from 5 to 86400, got 0",
        () -> api.setBalance(new BalanceSettingsRequest(null, null, null, 0L)));
    assertThat(putBalance("{\"mood\": \"off\"}"))
        .contains("400")
        .contains("unknown field \\\"mood\\\"");
    assertThat(putBalance("{\"mode\": ")).contains("400").contains("malformed JSON at line 1");
    assertThat(putBalance("")).contains("400").contains("request body is empty");
    BalanceStatus unchanged = api.balance();
    assertThat(unchanged.mode()).isEqualTo("off");
    assertThat(unchanged.planner()).isEqualTo("equalize:3");
    assertThat(unchanged.intervalSeconds()).isEqualTo(300);
    assertThat(unchanged.nextRunAt()).isNull();
    BalanceStatus set = api.setBalance(new BalanceSettingsRequest(null, "threshold:0.7", 2, 60L));
    assertThat(set.planner()).isEqualTo("threshold:0.7");
    assertThat(set.aggressiveness()).isEqualTo(2);

    // While off, a plan asked for is advice only.
    BalancePlanView advice = api.balancePlan();
    assertThat(advice.status()).isEqualTo("advisory");
    assertThat(advice.mode()).isEqualTo("off");
    assertThat(api.balance().pendingPlan()).isNull();

    PlacementAdvice p = api.placement(2, 2048);
    assertThat(p.best()).isEqualTo("m2");
    assertThat(p.candidates()).extracting(c -> c.host()).containsExactly("m2", "m3");
    assertThat(p.candidates().get(0).rank()).isEqualTo(1);
    assertThat(p.candidates().get(0).cpuAfterPercent()).isEqualTo(50.0);
    assertThat(p.candidates().get(0).reasons()).anyMatch(r -> r.startsWith("cpu 0% -> 50%"));
    assertThat(p.rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.host()).isEqualTo("m1");
              assertThat(r.reason()).startsWith("CPU would reach 140% > 80% hot threshold");
            });
    expect(400, "vcpus must be a whole number from 1", () -> api.placement(0, 1024));
    expect(400, "memoryMib is required", () -> api.getRaw(VimanaClient.API + "/placement?vcpus=2"));
  }

  private List<BalancePlanView> periodic() {
    try {
      return api.balanceHistory(100).stream().filter(p -> p.trigger().equals("periodic")).toList();
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static boolean within(Double v, double low, double high) {
    return v != null && v >= low && v <= high;
  }

  /** A raw PUT of {@code body} to /api/v1/balance: "STATUS BODY". */
  private String putBalance(String body) throws Exception {
    return ManagerScenario.raw(cluster.manager, "PUT", "/api/v1/balance", body);
  }

  private BalancePlanView planById(String id) {
    try {
      return api.balancePlanById(id);
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private MigrationView migration(String id) {
    try {
      return api.migration(id);
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private List<VmView> vms() {
    try {
      return api.vms(VmFilter.all());
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private VmView vm(String name) throws ApiException {
    return api.vm(name);
  }

  private HostView host(String name) {
    try {
      return api.host(name);
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static void await(String what, BooleanSupplier ok) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (ok.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
