package org.vimana.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vimana.balancer.cost.AntiThrashing;
import org.vimana.sim.replay.trace.PlanetLabTraces;

/**
 * The withers of {@link ReplaySettings} and {@link Scenario}: one component changed, the rest kept.
 */
class WithersTest {
  private static final ReplaySettings SETTINGS = ReplaySettings.cloudSimCompatible();
  private static final Scenario SCENARIO = Scenario.planetLab(Path.of("20110303"), "thr-mmt:0.8");

  static Stream<Arguments> withers() {
    AntiThrashing anti = new AntiThrashing(0.02, 0.1, 600);
    ReplaySettings other = SETTINGS.withChainMoves(false);
    return Stream.of(
        Arguments.of(SETTINGS, SETTINGS.withAntiThrashing(anti), "antiThrashing", anti),
        Arguments.of(SETTINGS, SETTINGS.withRetireIdleVms(false), "retireIdleVms", false),
        Arguments.of(SETTINGS, SETTINGS.withChainMoves(false), "chainMoves", false),
        Arguments.of(SETTINGS, SETTINGS.withMemoryReserved(true), "memoryReserved", true),
        Arguments.of(SETTINGS, SETTINGS.withMaxMigrationsPerHost(2), "maxMigrationsPerHost", 2),
        Arguments.of(SETTINGS, SETTINGS.withHotThreshold(0.6), "hotThreshold", 0.6),
        Arguments.of(SCENARIO, SCENARIO.withStrategy("equalize:3"), "strategy", "equalize:3"),
        Arguments.of(SCENARIO, SCENARIO.withName("other"), "name", "other"),
        Arguments.of(SCENARIO, SCENARIO.withSettings(other), "settings", other),
        Arguments.of(
            SCENARIO,
            SCENARIO.withTraceOrder(PlanetLabTraces.Order.SORTED),
            "traceOrder",
            PlanetLabTraces.Order.SORTED));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("withers")
  void aWitherChangesItsComponentOnly(Record base, Record changed, String component, Object value)
      throws ReflectiveOperationException {
    for (RecordComponent c : base.getClass().getRecordComponents()) {
      Object before = c.getAccessor().invoke(base);
      Object after = c.getAccessor().invoke(changed);
      if (c.getName().equals(component)) {
        assertThat(before).as("the test's value must differ from the base").isNotEqualTo(value);
        assertThat(after).as(c.getName()).isEqualTo(value);
      } else {
        assertThat(after).as(c.getName()).isEqualTo(before);
      }
    }
  }

  @Test
  void aWitherStillValidates() {
    assertThatThrownBy(() -> SETTINGS.withHotThreshold(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hot threshold (0, 1], cost per second >= 0");
    assertThatThrownBy(() -> SETTINGS.withMaxMigrationsPerHost(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limits must be >= 0");
    assertThatThrownBy(() -> SCENARIO.withStrategy(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("strategy");
  }
}
