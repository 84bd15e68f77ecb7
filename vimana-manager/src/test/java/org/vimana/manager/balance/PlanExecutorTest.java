package org.vimana.manager.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vimana.balancer.plan.PlanChecker;
import org.vimana.balancer.power.PowerModels;
import org.vimana.balancer.snapshot.ClusterSnapshot;
import org.vimana.balancer.snapshot.Constraints;
import org.vimana.balancer.snapshot.HostLoad;
import org.vimana.balancer.snapshot.VmLoad;
import org.vimana.manager.inventory.InventoryException;

/** The re-check before each move, outcomes, waiting for slots and targets; fake migrations. */
class PlanExecutorTest {
  private final TestInventory inv = new TestInventory();
  private final FakeMigrations migrations = new FakeMigrations();
  private LiveCluster live;

  @AfterEach
  void close() {
    inv.close();
  }

  /** Migrations that end after {@code polls} polls, recording the order of events. */
  static final class FakeMigrations implements Migrations {
    final List<String> events = new ArrayList<>();
    final Map<String, Integer> left = new HashMap<>();
    final Map<String, Boolean> succeeds = new HashMap<>();
    int polls = 2;
    int conflictsFirst;
    RuntimeException refuse;

    @Override
    public String start(String vmId, String targetHost) {
      if (refuse != null) {
        throw refuse;
      }
      if (conflictsFirst > 0) {
        conflictsFirst--;
        events.add("conflict " + vmId);
        throw new InventoryException(
            InventoryException.Kind.CONFLICT, "host 'b' already takes part in 2 migrations");
      }
      String id = "mig-" + vmId;
      events.add("start " + vmId + " -> " + targetHost);
      left.put(id, polls);
      return id;
    }

    @Override
    public Optional<Outcome> outcome(String migrationId) {
      int n = left.merge(migrationId, -1, Integer::sum);
      if (n > 0) {
        return Optional.empty();
      }
      events.add("end " + migrationId);
      return Optional.of(
          succeeds.getOrDefault(migrationId, true)
              ? new Outcome(true, "migration succeeded: in 500 ms")
              : new Outcome(false, "migration failed: target refused"));
    }
  }

  private static HostLoad host(String id) {
    return new HostLoad(id, 4, 1000, 8192, 0, PowerModels.HP_PROLIANT_ML110_G5, 1000, true);
  }

  /** VMs as (name, host, demand fraction of one 1000-MIPS vCPU) triples, each 1 GiB. */
  private void cluster(int limit, Object... vms) {
    List<VmLoad> loads = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    for (int i = 0; i < vms.length; i += 3) {
      String name = (String) vms[i];
      loads.add(VmLoad.of(name, (String) vms[i + 1], 1, 1000, 1024, (Double) vms[i + 2]));
      ids.put(name, "id-" + name);
    }
    live =
        new LiveCluster(
            new ClusterSnapshot(
                0,
                300,
                List.of(host("a"), host("b"), host("c")),
                loads,
                Constraints.none().withMaxMigrationsPerHost(limit)),
            ids,
            Map.of());
  }

  private PlanExecutor executor(Duration maxWait) {
    return new PlanExecutor(
        migrations,
        () -> live,
        new PlanChecker(0.8),
        inv.balance,
        inv.clock,
        Duration.ofMillis(1),
        maxWait);
  }

  private PlanRecord apply(MoveRecord... moves) throws InterruptedException {
    PlanRecord p = BalanceStoreTest.plan("p", TestInventory.NOW, PlanStatus.APPLYING, moves);
    inv.balance.insert(p);
    PlanRecord ended = executor(Duration.ofMillis(50)).execute(p);
    assertThat(inv.balance.find("p")).hasValue(ended); // every outcome is recorded
    return ended;
  }

  private static MoveRecord move(int seq, String vm, String from, String to) {
    return BalanceStoreTest.move(seq, vm, from, to);
  }

  @Test
  void staleMovesAreSkippedWithTheReasonNeverForced() throws Exception {
    cluster(2, "moved", "c", 0.1, "fine", "a", 0.1, "other", "a", 0.1);
    live =
        new LiveCluster(
            live.snapshot(),
            Map.of("moved", "id-moved", "fine", "id-fine", "other", "id-somebody-else"),
            Map.of("off", "is stopped"));

    PlanRecord p =
        apply(
            move(1, "gone", "a", "b"),
            move(2, "moved", "a", "b"),
            move(3, "off", "a", "b"),
            move(4, "other", "a", "b"),
            move(5, "fine", "a", "c"));

    assertThat(p.moves())
        .extracting(MoveRecord::outcome, MoveRecord::outcomeMessage)
        .containsExactly(
            tuple(MoveOutcome.SKIPPED, "stale: vm gone no longer exists"),
            tuple(MoveOutcome.SKIPPED, "stale: vm moved is now on c, not a"),
            tuple(MoveOutcome.SKIPPED, "stale: vm off is stopped"),
            tuple(MoveOutcome.SKIPPED, "stale: vm other is another VM now (deleted, re-created)"),
            tuple(MoveOutcome.DONE, "migration succeeded: in 500 ms"));
    assertThat(migrations.events).containsExactly("start id-fine -> c", "end mig-id-fine");
    assertThat(p.status()).isEqualTo(PlanStatus.DONE);
    assertThat(p.message()).isEqualTo("1 done, 4 skipped, 0 failed");
  }

  @Test
  void aMoveThatWouldNowMakeAHotSpotIsSkipped() throws Exception {
    cluster(2, "busy1", "b", 0.9, "busy2", "b", 0.9, "busy3", "b", 0.9, "mover", "a", 0.6);
    PlanRecord p = apply(move(1, "mover", "a", "b"));
    assertThat(p.moves().get(0).outcome()).isEqualTo(MoveOutcome.SKIPPED);
    assertThat(p.moves().get(0).outcomeMessage())
        .isEqualTo("infeasible: target b would reach 83% CPU > 80%: it would become a hot spot");
    assertThat(migrations.events).isEmpty();
  }

  @Test
  void aSecondMoveToATargetWaitsUntilTheFirstHasArrived() throws Exception {
    cluster(2, "v1", "a", 0.1, "v2", "a", 0.1, "v3", "a", 0.1);
    migrations.succeeds.put("mig-id-v3", false);
    PlanRecord p = apply(move(1, "v1", "a", "b"), move(2, "v2", "a", "b"), move(3, "v3", "a", "c"));
    assertThat(migrations.events)
        .containsExactly(
            "start id-v1 -> b",
            "end mig-id-v1",
            "start id-v2 -> b",
            "start id-v3 -> c",
            "end mig-id-v2",
            "end mig-id-v3");
    assertThat(p.moves())
        .extracting(MoveRecord::outcome)
        .containsExactly(MoveOutcome.DONE, MoveOutcome.DONE, MoveOutcome.FAILED);
    assertThat(p.moves().get(2).outcomeMessage()).isEqualTo("migration failed: target refused");
    assertThat(p.moves().get(0).migrationId()).isEqualTo("mig-id-v1");
  }

  @Test
  void aHostWithoutAFreeSlotMakesTheMoveWaitAndTryAgain() throws Exception {
    cluster(2, "v1", "a", 0.1);
    migrations.conflictsFirst = 2;
    PlanRecord p = apply(move(1, "v1", "a", "b"));
    assertThat(migrations.events)
        .containsExactly("conflict id-v1", "conflict id-v1", "start id-v1 -> b", "end mig-id-v1");
    assertThat(p.moves().get(0).outcome()).isEqualTo(MoveOutcome.DONE);
  }

  @Test
  void aMoveRefusedByThePreChecksIsSkippedAndOneDeferredTooLongToo() throws Exception {
    cluster(2, "v1", "a", 0.1);
    migrations.refuse =
        new InventoryException(InventoryException.Kind.NO_CAPACITY, "host 'b' has no room");
    PlanRecord p = apply(move(1, "v1", "a", "b"));
    assertThat(p.moves().get(0).outcomeMessage())
        .isEqualTo("refused by the migration pre-checks: host 'b' has no room");

    // Two migrations of others already leave b: the re-check defers until it gives up.
    migrations.refuse = null;
    cluster(2, "v1", "a", 0.1, "x", "b", 0.1, "y", "b", 0.1);
    live =
        new LiveCluster(
            new ClusterSnapshot(
                0,
                300,
                live.snapshot().hosts(),
                live.snapshot().vms().stream()
                    .map(v -> v.id().equals("v1") ? v : v.withMigrating(true))
                    .toList(),
                live.snapshot().constraints()),
            live.vmIds(),
            Map.of());
    PlanRecord q =
        BalanceStoreTest.plan("q", TestInventory.NOW, PlanStatus.APPLYING, move(1, "v1", "a", "b"));
    inv.balance.insert(q);
    PlanRecord ended = executor(Duration.ofMillis(20)).execute(q);
    assertThat(ended.moves().get(0).outcome()).isEqualTo(MoveOutcome.SKIPPED);
    assertThat(ended.moves().get(0).outcomeMessage())
        .isEqualTo("deferred for too long: migration limit of 2 per host reached");
    assertThat(migrations.events).isEmpty();
  }
}
