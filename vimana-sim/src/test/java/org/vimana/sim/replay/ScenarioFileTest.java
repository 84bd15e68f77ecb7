package org.vimana.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFileTest {

  @TempDir Path dir;

  static final String GOOD =
      "name = demo\n"
          + "trace.format = csv\n"
          + "trace.path = traces/t.csv\n"
          + "hosts = 3\n"
          + "host-types = a\n"
          + "host-type.a = cores=2 mips=1000 memory=4096 power=hp-ml110-g4\n"
          + "vm-types = s\n"
          + "vm-type.s = vcpus=1 mips=500 memory=512\n"
          + "strategy = equalize:2\n"
          + "anti-thrashing.cool-down = 600\n";

  private Path write(String content) throws IOException {
    Path f = dir.resolve("s.properties");
    Files.writeString(f, content);
    return f;
  }

  @Test
  void loadsAScenarioWithPathsRelativeToTheFile() throws IOException {
    Scenario s = ScenarioFile.load(write(GOOD));
    assertThat(s.name()).isEqualTo("demo");
    assertThat(s.tracePath()).isEqualTo(dir.resolve("traces/t.csv").toAbsolutePath());
    assertThat(s.hostCount()).isEqualTo(3);
    assertThat(s.hostTypes().get(0).capacityMips()).isEqualTo(2000);
    assertThat(s.vmTypes().get(0).memoryMib()).isEqualTo(512);
    assertThat(s.settings().antiThrashing().coolDownSeconds()).isEqualTo(600);
    assertThat(s.settings().retireIdleVms()).isFalse();
  }

  @Test
  void theShippedScenarioFilesLoad() {
    Path scenarios = Path.of("scenarios");
    assertThat(
            ScenarioFile.load(scenarios.resolve("planetlab-20110303-thr-mmt.properties"))
                .settings()
                .chainMoves())
        .isTrue();
    assertThat(ScenarioFile.load(scenarios.resolve("small-csv-demo.properties")).strategy())
        .isEqualTo("equalize:3");
  }

  @Test
  void mistakesAreRefusedWithFileAndLine() throws IOException {
    assertError(GOOD + "hots = 4\n", ":11", "unknown key 'hots'");
    assertError(GOOD.replace("hosts = 3", "hosts = three"), ":4", "not a whole number");
    assertError(GOOD.replace("cores=2", "cpus=2"), ":6", "unknown attribute 'cpus'");
    assertError(GOOD.replace("power=hp-ml110-g4", "power=toaster"), ":6", "power must be");
    assertError(GOOD + "name = again\n", ":11", "set twice (first on line 1)");
    assertError(GOOD + "this line is wrong\n", ":11", "expected 'key = value'");
    assertError(GOOD + "hot-threshold = 1.5\n", ":11", "must be within");
    assertError(GOOD + "memory.model = maybe\n", ":11", "placement-only, reserved");
    assertError(GOOD.replace("strategy = equalize:2\n", ""), "", "missing required key 'strategy'");
  }

  private void assertError(String content, String line, String text) throws IOException {
    Path f = write(content);
    assertThatThrownBy(() -> ScenarioFile.load(f))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(f + line)
        .hasMessageContaining(text);
  }
}
