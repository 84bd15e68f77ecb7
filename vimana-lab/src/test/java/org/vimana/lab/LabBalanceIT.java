package org.vimana.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.api.client.ApiException;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.AgentCommandRequest;
import org.vimana.api.model.BalanceMoveView;
import org.vimana.api.model.BalancePlanView;
import org.vimana.api.model.BalanceSettingsRequest;
import org.vimana.api.model.BalanceStatus;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.api.model.MigrationView;
import org.vimana.api.model.VmFilter;
import org.vimana.api.model.VmView;
import org.vimana.manager.ManagerConfig;
import org.vimana.manager.ManagerServer;
import org.vimana.node.NodeConfig;
import org.vimana.node.NodeDaemon;

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
  private Lab lab;
  private ManagerServer manager;
  private final List<NodeDaemon> nodes = new ArrayList<>();
  private VimanaClient api;
  private LabApi polls;
  private String hot;
  private final Map<String, Long> burners = new HashMap<>();
  private final Map<String, Long> boots = new HashMap<>();
  private final Map<String, Integer> countersBefore = new HashMap<>();
  private double spreadBefore;
  private Instant convergedAt;

  @BeforeAll
  void startLab() throws Exception {
    Path cache =
        Path.of(System.getProperty("user.home"), ".cache", "vimana", "lab").toAbsolutePath();
    lab = Lab.start(cache, dir.resolve("lab"), "lab-bal", 3);
    // Stats every 2 s: the demand history (EWMA, half-life 4 samples) follows the burners in ~10 s.
    manager =
        ManagerServer.start(
            ManagerConfig.defaults(dir.resolve("manager"))
                .withIntervals(
                    Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(2)));
    api = new VimanaClient(manager.apiUrl(), manager.adminToken(), Duration.ofSeconds(90));
    polls = new LabApi(api);
    for (LabHost h : lab.hosts()) {
      NodeDaemon n =
          NodeDaemon.start(
              new NodeConfig(
                  h.name(),
                  "127.0.0.1:" + manager.grpcPort(),
                  manager.joinToken(),
                  "libvirt",
                  lab.driverOptions(h),
                  null,
                  null));
      nodes.add(n);
      assertThat(n.awaitConnected(Duration.ofSeconds(30))).as(h.name() + " enrolled").isTrue();
    }
    hot = lab.hosts().get(0).name();
    api.createTemplate(Lab.template());
    for (String vm : VMS) {
      api.createVm(new CreateVmRequest(vm, "lab", null, null, null, null, null, null, hot, null));
    }
    for (String vm : VMS) {
      LabApi.await(vm + " counts on its console", BOOT, () -> polls.counter(vm) >= 1);
      LabApi.await(vm + "'s agent ready", BOOT, () -> agentReadiness(vm).equals("ready"));
    }
  }

  @AfterAll
  void stopLab() {
    nodes.forEach(NodeDaemon::close);
    if (manager != null) {
      manager.close();
    }
    if (lab != null) {
      lab.close(); // destroys the hosts' guests and stops their libvirtds
    }
  }

  @Test
  @Order(1)
  void burnersStartedThroughTheAgentMakeOneHostHot() throws Exception {
    assertThat(api.balance().mode()).isEqualTo("off");
    Map<String, Double> idle = new TreeMap<>();
    for (VmView v : vms()) {
      assertThat(v.hostName()).isEqualTo(hot);
      idle.put(v.name(), v.cpuPercent());
    }
    for (String vm : VMS) {
      JsonNode started = exec(vm, "while :; do :; done");
      burners.put(vm, started.get("pid").asLong());
    }
    awaitOrExplain(
        "every guest burning its vCPU",
        Duration.ofMinutes(5),
        () -> vms().stream().allMatch(v -> cpu(v) >= BURNING_PERCENT));
    Thread.sleep(6_000); // three more samples into each VM's demand history
    Map<String, Double> load = hostLoads();
    spreadBefore = spread(load);
    for (VmView v : vms()) {
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
        idle, vmCpu(), load, advice.message());
  }

  @Test
  @Order(2)
  void automaticModeMigratesVmsOffTheHotHostUntilTheLoadsConverge() throws Exception {
    BalanceStatus s = api.setBalance(new BalanceSettingsRequest("automatic", "equalize", 3, 5L));
    assertThat(s.mode()).isEqualTo("automatic");
    assertThat(s.nextRunAt()).isNotNull();
    Instant on = Instant.now();
    awaitOrExplain(
        "one VM per host with no plan being applied",
        CONVERGE,
        () ->
            perHost().size() == 3
                && periodic().stream().noneMatch(p -> p.status().equals("applying")));

    List<BalancePlanView> withMoves =
        periodic().stream().filter(p -> !p.moves().isEmpty()).toList();
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
    awaitOrExplain(
        "host load spread below " + bound,
        Duration.ofSeconds(30),
        () -> spread(hostLoads()) < bound);
    Map<String, Double> load = hostLoads();
    System.out.printf(
        "LabBalanceIT: %d plan(s), %d migrations, converged %d ms after automatic mode was set;"
            + " imbalance %.3f; host load spread %.2f -> %.2f %s; VM CPU %% %s%n",
        withMoves.size(),
        moves.size(),
        Duration.between(on, convergedAt).toMillis(),
        withMoves.get(withMoves.size() - 1).imbalance(),
        spreadBefore,
        spread(load),
        load,
        vmCpu());
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
        () -> periodic().stream().filter(p -> p.createdAt().isAfter(converged())).count() >= 2);
    List<BalancePlanView> after =
        periodic().stream().filter(p -> p.createdAt().isAfter(converged())).toList();
    double first = periodic().get(0).imbalance();
    assertThat(after)
        .allSatisfy(
            p -> {
              assertThat(p.status()).as(p.message()).isEqualTo("empty");
              assertThat(p.moves()).isEmpty();
              // Not near 0 at once: a VM's first sample on its new host reads 0 % CPU.
              assertThat(p.imbalance()).isLessThan(first);
            });
    assertThat(api.migrations(null, 50)).hasSize(2);
    assertThat(perHost()).hasSize(3);
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
          () -> agentReadiness(vm).equals("ready"));
      exec(vm, "kill " + pid);
      LabApi.await(vm + "'s burner ended", Duration.ofMinutes(1), () -> exited(vm, pid));
      System.out.printf(
          "LabBalanceIT: %s on %s: burner stopped through the agent%n", vm, v.hostName());
    }
    everyGuestStillRunsAndCounts();
    for (String vm : VMS) {
      api.deleteVm(vm, true);
    }
    assertThat(api.vms(VmFilter.all())).isEmpty();
  }

  /** As {@link LabApi#await}, but a timeout says what the balancer did and where it is. */
  private void awaitOrExplain(String what, Duration limit, BooleanSupplier ok)
      throws InterruptedException {
    try {
      LabApi.await(what, limit, ok);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + diagnosis(), e);
    }
  }

  private String diagnosis() {
    StringBuilder out = new StringBuilder("VM CPU %: ").append(vmCpu());
    try {
      BalanceStatus s = api.balance();
      out.append("\nbalance: ").append(s.mode()).append(", next run ").append(s.nextRunAt());
      for (BalancePlanView p : api.balanceHistory(5)) {
        out.append("\n  plan ").append(p.trigger()).append(' ').append(p.status());
        out.append(": ").append(p.message()).append(' ').append(p.notes());
      }
      out.append("\non demand now: ").append(api.balancePlan().message());
    } catch (ApiException | RuntimeException e) {
      out.append("\nbalance API: ").append(e);
    }
    Thread.getAllStackTraces()
        .forEach(
            (t, stack) -> {
              if (t.getName().startsWith("vimana-balance")) {
                out.append("\nthread ").append(t.getName()).append(' ').append(t.getState());
                for (int i = 0; i < Math.min(12, stack.length); i++) {
                  out.append("\n    at ").append(stack[i]);
                }
              }
            });
    return out.toString();
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

  /** Starts {@code sh -c command} in the guest without waiting; answers guest-exec's reply. */
  private JsonNode exec(String vm, String command) throws ApiException {
    ObjectNode args = JsonNodeFactory.instance.objectNode().put("path", "/bin/sh");
    args.putArray("arg").add("-c").add(command);
    args.put("capture-output", false);
    return api.agentCommand(vm, new AgentCommandRequest("guest-exec", args, 60_000L));
  }

  private boolean exited(String vm, long pid) {
    ObjectNode args = JsonNodeFactory.instance.objectNode().put("pid", pid);
    try {
      return api.agentCommand(vm, new AgentCommandRequest("guest-exec-status", args, 60_000L))
          .path("exited")
          .asBoolean();
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private String agentReadiness(String vm) {
    try {
      return api.agent(vm).readiness();
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** Each host's CPU demand as the balancer counts it: its VMs' use over its cores. */
  private Map<String, Double> hostLoads() {
    Map<String, Double> load = new TreeMap<>();
    lab.hosts().forEach(h -> load.put(h.name(), 0.0));
    for (VmView v : vms()) {
      int cores = nodesCores(v.hostName());
      load.merge(v.hostName(), cpu(v) * v.vcpus() / 100.0 / cores, Double::sum);
    }
    load.replaceAll((h, l) -> Math.round(l * 100) / 100.0);
    return load;
  }

  private int nodesCores(String host) {
    try {
      return api.host(host).cpuCores();
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private Instant converged() {
    assertThat(convergedAt).as("the loads converged (previous test)").isNotNull();
    return convergedAt;
  }

  private static double spread(Map<String, Double> load) {
    return load.values().stream().mapToDouble(Double::doubleValue).max().orElse(0)
        - load.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
  }

  private Map<String, Double> vmCpu() {
    Map<String, Double> out = new TreeMap<>();
    vms().forEach(v -> out.put(v.name() + "@" + v.hostName(), Math.rint(cpu(v))));
    return out;
  }

  private static double cpu(VmView v) {
    return v.cpuPercent() == null ? 0 : v.cpuPercent();
  }

  private Map<String, Integer> perHost() {
    Map<String, Integer> out = new HashMap<>();
    vms().forEach(v -> out.merge(v.hostName(), 1, Integer::sum));
    return out;
  }

  /** The daemon's periodic plans, oldest first. */
  private List<BalancePlanView> periodic() {
    try {
      List<BalancePlanView> out =
          new ArrayList<>(
              api.balanceHistory(100).stream()
                  .filter(p -> p.trigger().equals("periodic"))
                  .toList());
      out.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
      return out;
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
}
