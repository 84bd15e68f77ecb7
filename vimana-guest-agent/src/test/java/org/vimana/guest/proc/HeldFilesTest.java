package org.vimana.guest.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeldFilesTest {
  private final byte[] buf = new byte[4096];

  private String read(HeldFiles files, Path p) throws IOException {
    int n = files.read(p.toString(), buf);
    return new String(buf, 0, Math.max(n, 0), StandardCharsets.UTF_8);
  }

  @Test
  void aHeldFileIsReadAgainFromItsStart(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a"), "first content");
    HeldFiles files = new HeldFiles(8);
    files.beginPass();
    assertThat(read(files, a)).isEqualTo("first content");
    files.endPass();
    Files.writeString(a, "second"); // rewritten in place, shorter
    files.beginPass();
    assertThat(read(files, a)).isEqualTo("second");
    files.endPass();
    assertThat(files.size()).isEqualTo(1);
  }

  @Test
  void filesNotReadDuringAPassAreClosedAtItsEnd(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a"), "a");
    Path b = Files.writeString(dir.resolve("b"), "b");
    HeldFiles files = new HeldFiles(8);
    files.beginPass();
    read(files, a);
    read(files, b);
    files.endPass();
    assertThat(files.size()).isEqualTo(2);
    files.beginPass();
    assertThat(read(files, a)).isEqualTo("a");
    files.endPass();
    assertThat(files.size()).isEqualTo(1);
  }

  @Test
  void beyondTheLimitFilesAreReadWithoutBeingHeld(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a"), "a");
    Path b = Files.writeString(dir.resolve("b"), "b");
    HeldFiles files = new HeldFiles(1);
    files.beginPass();
    assertThat(read(files, a)).isEqualTo("a");
    assertThat(read(files, b)).isEqualTo("b");
    assertThat(read(files, b)).isEqualTo("b");
    files.endPass();
    assertThat(files.size()).isEqualTo(1);
  }

  @Test
  void aMissingFileIsAnErrorAndNotHeld(@TempDir Path dir) {
    HeldFiles files = new HeldFiles(8);
    files.beginPass();
    assertThatThrownBy(() -> files.read(dir.resolve("none").toString(), buf))
        .isInstanceOf(IOException.class);
    assertThat(files.size()).isZero();
  }

  @Test
  void theStatOfAProcessThatExitedIsDroppedNotReadStale() throws Exception {
    Process sleep = new ProcessBuilder("sleep", "60").start();
    String stat = "/proc/" + sleep.pid() + "/stat";
    HeldFiles files = new HeldFiles(8);
    files.beginPass();
    int n = files.read(stat, buf);
    assertThat(Processes.parseStat(new String(buf, 0, n, StandardCharsets.UTF_8)).comm())
        .isEqualTo("sleep");
    sleep.destroy();
    assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).isTrue(); // reaped: /proc/PID is gone
    // the held descriptor's read fails (ESRCH) and the path no longer opens
    assertThatThrownBy(() -> files.read(stat, buf)).isInstanceOf(IOException.class);
    assertThat(files.size()).isZero();
  }
}
