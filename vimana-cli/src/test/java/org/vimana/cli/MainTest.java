package org.vimana.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line parsing and error reporting, without a manager. */
class MainTest {
  @TempDir Path home;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    Main main =
        new Main(
            Map.of("HOME", home.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return main.execute(args);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertThat(run("vm", "list", "--colour")).isEqualTo(ExitCode.USAGE);
    assertThat(err())
        .contains("error: Unknown option: '--colour'")
        .contains("vimana vm list --help");
  }

  @Test
  void aMissingCommandIsAUsageError() {
    assertThat(run()).isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("missing command");
    assertThat(run("vm")).isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("missing subcommand");
  }

  @Test
  void aBadSizeNamesTheOption() {
    assertThat(run("vm", "create", "a", "--vcpus", "2", "--memory", "lots"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("--memory").contains("'lots' is not a size");
    assertThat(run("vm", "create", "a", "--template", "t", "--disk", "1500M"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("--disk").contains("whole number of GiB");
  }

  @Test
  void createNeedsATemplateOrBothResources() {
    assertThat(run("vm", "create", "a", "--vcpus", "2")).isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("--template").contains("--memory is missing");
  }

  @Test
  void aBadWorkloadNamesTheOption() {
    assertThat(run("template", "create", "t", "--vcpus", "1", "--memory", "1G", "--workload", "x"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("--workload").contains("unknown workload kind 'x'");
  }

  @Test
  void maintenanceTakesOnOrOff() {
    assertThat(run("host", "maintenance", "h1", "maybe")).isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("error: maintenance mode must be 'on' or 'off', got 'maybe'");
  }

  @Test
  void withoutAManagerTheClientCommandsSayHowToGetOne() {
    assertThat(run("vm", "list")).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(err())
        .isEqualTo(
            "error: no manager configured: set VIMANA_URL and VIMANA_TOKEN or start one with"
                + " `vimana demo`\n");
  }

  @Test
  void anUnreachableManagerIsExitCode5WithoutAStackTraceUnlessDebug() {
    Main main =
        new Main(
            Map.of("VIMANA_URL", "http://127.0.0.1:1", "VIMANA_TOKEN", "t"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(main.execute("host", "list")).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(err()).startsWith("error: cannot reach the manager at http://127.0.0.1:1");
    assertThat(err()).doesNotContain("\tat ");
    err.reset();
    assertThat(main.execute("host", "list", "--debug")).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(err()).contains("\tat ");
  }

  @Test
  void helpListsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("host", "vm", "template", "events", "manager", "node", "demo");
  }
}
