package org.vimana.guest.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.agent.qga.GuestFile;
import org.vimana.guest.policy.Policy;

class FileCommandsTest {
  @TempDir Path dir;

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writeThenReadBack() throws Exception {
    FileCommands f = new FileCommands(Policy.OPEN, 1 << 20);
    Path p = dir.resolve("x.txt");
    long h = f.open(new GuestFile.OpenArgs(p.toString(), "w"));
    assertThat(f.write(new GuestFile.WriteArgs(h, b64("hello world"), 5L)).count()).isEqualTo(5);
    f.close(h);
    assertThat(Files.readString(p)).isEqualTo("hello");

    long r = f.open(new GuestFile.OpenArgs(p.toString(), null));
    GuestFile.Read read = f.read(new GuestFile.ReadArgs(r, 100L));
    assertThat(read.count()).isEqualTo(5);
    assertThat(read.eof()).isTrue();
    assertThat(new String(Base64.getDecoder().decode(read.bufB64()), StandardCharsets.UTF_8))
        .isEqualTo("hello");
    f.close(r);
    assertThatThrownBy(() -> f.close(r)).hasMessageContaining("no open file " + r);
  }

  @Test
  void badArgumentsAreRejected() throws Exception {
    FileCommands f = new FileCommands(Policy.OPEN, 10);
    long h = f.open(new GuestFile.OpenArgs(dir.resolve("y").toString(), "w+"));
    assertThatThrownBy(() -> f.read(new GuestFile.ReadArgs(h, 11L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be 0..10");
    assertThatThrownBy(() -> f.write(new GuestFile.WriteArgs(h, "!!notb64", null)))
        .hasMessageContaining("not base64");
    assertThatThrownBy(() -> FileCommands.options("x")).hasMessageContaining("'mode'");
  }

  @Test
  void writingOpenIsDisabledWhenFileWriteIsBlocked() throws Exception {
    FileCommands f = new FileCommands(new Policy(null, Set.of("guest-file-write")), 1024);
    Path p = dir.resolve("keep.txt");
    Files.writeString(p, "precious");
    assertThatThrownBy(() -> f.open(new GuestFile.OpenArgs(p.toString(), "w")))
        .isInstanceOf(CommandDisabledException.class);
    assertThat(Files.readString(p)).isEqualTo("precious");
    assertThat(f.open(new GuestFile.OpenArgs(p.toString(), "r"))).isPositive();
  }
}
