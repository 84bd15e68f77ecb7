package org.vimana.guest.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.guest.proc.Processes;
import org.vimana.guest.proc.SystemRoot;

class ProcessDetailsTest {
  @TempDir Path root;

  private void process(String cmdline, int uid) throws Exception {
    Path dir = Files.createDirectories(root.resolve("proc/7"));
    Files.writeString(dir.resolve("cmdline"), cmdline.replace(' ', '\0'));
    Files.writeString(dir.resolve("status"), "Name:\tx\nUid:\t" + uid + "\t" + uid + "\t0\t0\n");
  }

  private static Processes.Stat stat(String comm, long start) {
    return new Processes.Stat(7, comm, "S", 1, 7, 0, 0, 1, start, 10);
  }

  @Test
  void readOncePerProcessImageAndAgainWhenItChangesOrAgesOut() throws Exception {
    ProcessDetails details = new ProcessDetails(new Processes(new SystemRoot(root)));
    process("sleep 100", 1000);
    assertThat(details.of(stat("sleep", 500), 0).cmdline()).isEqualTo("sleep 100");

    process("sleep 200", 0); // the files change, the process image does not: kept
    assertThat(details.of(stat("sleep", 500), 1_000).cmdline()).isEqualTo("sleep 100");
    assertThat(details.of(stat("sleep", 500), 1_000).uid()).isEqualTo(1000);

    // an exec (new comm), a new process on the same pid (new start), or age: read again
    assertThat(details.of(stat("sleep2", 500), 2_000).cmdline()).isEqualTo("sleep 200");
    process("nginx -g daemon", 33);
    assertThat(details.of(stat("sleep2", 900), 3_000).uid()).isEqualTo(33);
    process("nginx: worker", 34);
    assertThat(details.of(stat("sleep2", 900), 3_000 + ProcessDetails.REFRESH_MILLIS - 1).uid())
        .isEqualTo(33);
    ProcessDetails.Entry aged =
        details.of(stat("sleep2", 900), 3_000 + ProcessDetails.REFRESH_MILLIS);
    assertThat(aged.cmdline()).isEqualTo("nginx: worker");
    assertThat(aged.uid()).isEqualTo(34);

    details.retain(Set.of(8L));
    assertThat(details.size()).isZero();
  }
}
