package org.vimana.manager.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Decision recording: plans, moves and outcomes round-trip through the V3 schema (H2). */
class BalanceStoreTest {
  private final TestInventory inv = new TestInventory();
  private final BalanceStore store = inv.balance;

  @AfterEach
  void close() {
    inv.close();
  }

  static MoveRecord move(int seq, String vm, String from, String to) {
    return new MoveRecord(
        seq,
        "id-" + vm,
        vm,
        from,
        to,
        "imbalance",
        "imbalance 0.300 -> 0.100",
        0.2,
        1.5,
        MoveOutcome.PLANNED,
        "",
        null,
        null,
        null);
  }

  static PlanRecord plan(String id, Instant at, PlanStatus status, MoveRecord... moves) {
    return new PlanRecord(
        id,
        at,
        Trigger.ON_DEMAND,
        BalanceMode.RECOMMEND,
        "equalize:3",
        status,
        0.3,
        List.of("pinned vm p stays on h1", "second note"),
        List.of(moves),
        null,
        null,
        "2 moves at imbalance 0.300");
  }

  @Test
  void settingsAreSavedAndReplaced() {
    assertThat(store.settings()).isEmpty();
    store.saveSettings(BalanceSettings.DEFAULTS.with("recommend", null, null, null), Instant.now());
    store.saveSettings(
        BalanceSettings.DEFAULTS.with("automatic", "threshold", 4, 60L), Instant.now());
    assertThat(store.settings())
        .hasValue(new BalanceSettings(BalanceMode.AUTOMATIC, "threshold", 4, 60));
  }

  @Test
  void aPlanItsMovesAndTheirOutcomesAreRecorded() {
    Instant t = TestInventory.NOW;
    PlanRecord p =
        plan("p1", t, PlanStatus.PENDING, move(1, "a", "h1", "h2"), move(2, "b", "h1", "h3"));
    store.insert(p);
    assertThat(store.find("p1")).hasValue(p);

    MoveRecord done = p.moves().get(0).running("mig-1", t.plusSeconds(1));
    store.updateMove("p1", done.ended(MoveOutcome.DONE, "migration succeeded", t.plusSeconds(3)));
    store.updateMove(
        "p1",
        p.moves()
            .get(1)
            .ended(MoveOutcome.SKIPPED, "stale: vm b no longer exists", t.plusSeconds(4)));
    store.updatePlan(p.with(PlanStatus.DONE, t.plusSeconds(1), t.plusSeconds(5), "1 done"));

    PlanRecord read = store.find("p1").orElseThrow();
    assertThat(read.status()).isEqualTo(PlanStatus.DONE);
    assertThat(read.appliedAt()).isEqualTo(t.plusSeconds(1));
    assertThat(read.endedAt()).isEqualTo(t.plusSeconds(5));
    assertThat(read.notes()).containsExactly("pinned vm p stays on h1", "second note");
    assertThat(read.moves().get(0))
        .extracting(MoveRecord::outcome, MoveRecord::migrationId, MoveRecord::outcomeMessage)
        .containsExactly(MoveOutcome.DONE, "mig-1", "migration succeeded");
    assertThat(read.moves().get(0).startedAt()).isEqualTo(t.plusSeconds(1));
    assertThat(read.moves().get(1))
        .extracting(MoveRecord::outcome, MoveRecord::outcomeMessage)
        .containsExactly(MoveOutcome.SKIPPED, "stale: vm b no longer exists");
    assertThat(read.count(MoveOutcome.DONE)).isEqualTo(1);
  }

  @Test
  void historyIsNewestFirstWithMovesAndFiltersByStatus() {
    Instant t = TestInventory.NOW;
    store.insert(plan("old", t, PlanStatus.SUPERSEDED, move(1, "a", "h1", "h2")));
    store.insert(plan("empty", t.plusSeconds(1), PlanStatus.EMPTY));
    store.insert(plan("new", t.plusSeconds(2), PlanStatus.PENDING, move(1, "c", "h2", "h1")));

    List<PlanRecord> recent = store.recent(2);
    assertThat(recent).extracting(PlanRecord::id).containsExactly("new", "empty");
    assertThat(recent.get(0).moves()).extracting(MoveRecord::vmName).containsExactly("c");
    assertThat(recent.get(1).moves()).isEmpty();
    assertThat(store.withStatus(PlanStatus.PENDING))
        .extracting(PlanRecord::id)
        .containsExactly("new");
    assertThat(store.find("nope")).isEmpty();
  }
}
