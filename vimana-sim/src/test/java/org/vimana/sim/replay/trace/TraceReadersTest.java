package org.vimana.sim.replay.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.sim.replay.BadInputException;

class TraceReadersTest {

  @TempDir Path dir;

  private Path planetLabFile(String name, List<String> lines) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, lines);
    return f;
  }

  private static List<String> samples(int n, int value) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Integer.toString(value));
    }
    return out;
  }

  @Test
  void readsAPlanetLabFolderInPercentEveryFiveMinutes() throws IOException {
    planetLabFile("b-vm", samples(288, 40));
    planetLabFile("a-vm", samples(288, 5));
    var traces = PlanetLabTraces.read(dir, PlanetLabTraces.Order.SORTED);
    assertThat(traces.vmCount()).isEqualTo(2);
    assertThat(traces.name(0)).isEqualTo("a-vm");
    assertThat(traces.sample(1, 10)).isEqualTo(0.4);
    assertThat(traces.intervalSeconds()).isEqualTo(300);
    assertThat(traces.at(0, 150)).isEqualTo(0.05);
  }

  @Test
  void aMalformedPlanetLabLineIsRefusedWithFileAndLine() throws IOException {
    List<String> lines = samples(288, 10);
    lines.set(16, "12x");
    Path bad = planetLabFile("bad-vm", lines);
    assertThatThrownBy(() -> PlanetLabTraces.read(dir, PlanetLabTraces.Order.SORTED))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(bad.toString() + ":17")
        .hasMessageContaining("'12x'")
        .satisfies(e -> assertThat(((BadInputException) e).line()).isEqualTo(17));
  }

  @Test
  void shortLongAndOutOfRangePlanetLabFilesAreRefused() throws IOException {
    Path shortFile = planetLabFile("short", samples(100, 10));
    assertThatThrownBy(() -> PlanetLabTraces.readFile(shortFile))
        .hasMessageContaining(":101")
        .hasMessageContaining("only 100 lines");
    Path longFile = planetLabFile("long", samples(289, 10));
    assertThatThrownBy(() -> PlanetLabTraces.readFile(longFile)).hasMessageContaining(":289");
    List<String> lines = samples(288, 10);
    lines.set(0, "101");
    Path range = planetLabFile("range", lines);
    assertThatThrownBy(() -> PlanetLabTraces.readFile(range))
        .hasMessageContaining(":1")
        .hasMessageContaining("out of 0..100");
  }

  @Test
  void readsTheCsvFormatWithOptionalVmTypes() throws IOException {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "# comment\ntime_s,web,db:large\n0,10,50\n600,20,55.5\n1200,30,60\n");
    var traces = CsvTraces.read(f);
    assertThat(traces.vmCount()).isEqualTo(2);
    assertThat(traces.intervalSeconds()).isEqualTo(600);
    assertThat(traces.vmType(1)).contains("large");
    assertThat(traces.vmType(0)).isEmpty();
    assertThat(traces.sample(1, 1)).isEqualTo(0.555);
  }

  @Test
  void malformedCsvIsRefusedWithFileAndLine() throws IOException {
    assertCsvError("time_s,a\n0,10\n300,abc\n", ":3", "'abc'");
    assertCsvError("time_s,a\n0,10\n300,10\n900,10\n", ":4", "equally spaced");
    assertCsvError("time_s,a,b\n0,10\n", ":2", "expected 3 cells");
    assertCsvError("seconds,a\n0,10\n", ":1", "time_s");
    assertCsvError("time_s,a,a\n0,1,1\n", ":1", "twice");
    assertCsvError("time_s,a\n300,10\n600,10\n", ":2", "time 0");
    assertCsvError("time_s,a\n0,10\n300,120\n", ":3", "out of 0..100");
  }

  private void assertCsvError(String content, String line, String text) throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, content);
    assertThatThrownBy(() -> CsvTraces.read(f))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(f + line)
        .hasMessageContaining(text);
  }
}
