package org.vimana.cli.client;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrategySpecsTest {
  @Test
  void everyListedExampleIsAStrategyTheBalancerRuns() {
    for (StrategySpecs.Entry e : StrategySpecs.ALL) {
      assertThatCode(() -> StrategySpecs.check(e.example()))
          .as(e.example())
          .doesNotThrowAnyException();
    }
    for (String selector : new String[] {"mmt", "mc", "mu", "rs"}) {
      assertThatCode(() -> StrategySpecs.check("thr-" + selector)).doesNotThrowAnyException();
    }
  }

  @Test
  void aBadSpecIsRefusedNamingThePartThatIsWrong() {
    assertThatThrownBy(() -> StrategySpecs.check("thr-xyz:0.8"))
        .hasMessageContaining("unknown VM selection 'xyz'");
    assertThatThrownBy(() -> StrategySpecs.check("equalize:x"))
        .hasMessageContaining("parameter 'x' is not a number");
  }
}
