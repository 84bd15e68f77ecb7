package org.vimana.sim.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.core.vm.VmState;
import org.vimana.core.workload.Workload;

class DirectoryVmStoreTest {
  @TempDir Path dir;

  private static VmRecord record(String id) {
    VmRecord r = VmRecordFormatTest.record(new Workload.Constant(0.5, 0.1));
    return new VmRecord(id, r.spec(), VmState.RUNNING, 1, r.poweredOnAt(), VmState.RUNNING);
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void savesLoadsReplacesAndDeletesOneFilePerVm() throws IOException {
    VmStore store = VmStore.directory(dir);
    store.save(record("vm-1"));
    store.save(record("vm-2"));
    store.save(record("vm-1").withState(VmState.PAUSED));

    assertThat(files()).containsExactly("vm-vm-1.properties", "vm-vm-2.properties");
    assertThat(VmStore.directory(dir).load())
        .containsExactly(record("vm-1").withState(VmState.PAUSED), record("vm-2"));

    store.delete("vm-1");
    store.delete("never-there");
    assertThat(VmStore.directory(dir).load()).containsExactly(record("vm-2"));
  }

  @Test
  void idsThatAreNotFileNamesStayInsideTheDirectory() throws IOException {
    VmStore store = VmStore.directory(dir.resolve("nested/state"));
    store.save(record("../../etc/passwd"));
    store.save(record("a b/ü"));

    assertThat(VmStore.directory(dir.resolve("nested/state")).load())
        .extracting(VmRecord::id)
        .containsExactlyInAnyOrder("../../etc/passwd", "a b/ü");
    assertThat(files()).containsExactly("nested");
  }

  @Test
  void leftoverTemporaryFilesFromAnInterruptedWriteAreIgnoredAndRemoved() throws IOException {
    VmStore store = VmStore.directory(dir);
    store.save(record("vm-1"));
    Files.writeString(dir.resolve(".vm-vm-1.properties.tmp"), "bootCount=");

    assertThat(VmStore.directory(dir).load()).containsExactly(record("vm-1"));
    assertThat(files()).containsExactly("vm-vm-1.properties");
  }

  @Test
  void aCorruptFileFailsTheLoadNamingTheFileAndIsLeftAlone() throws IOException {
    VmStore store = VmStore.directory(dir);
    store.save(record("vm-1"));
    Path file = dir.resolve("vm-vm-1.properties");
    String truncated = Files.readString(file).replaceAll("(?m)^state=.*$", "state=RUNN");
    Files.writeString(file, truncated);

    assertThatThrownBy(() -> VmStore.directory(dir).load())
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("'state'")
        .hasMessageContaining("RUNN")
        .satisfies(e -> assertThat(((CorruptStateException) e).file()).isEqualTo(file));
    assertThat(Files.readString(file)).isEqualTo(truncated);
  }

  @Test
  void bytesThatAreNotUtf8AreReportedAsCorrupt() throws IOException {
    Path file = dir.resolve("vm-x.properties");
    Files.write(file, new byte[] {'i', 'd', '=', (byte) 0xC3, (byte) 0x28});

    assertThatThrownBy(() -> VmStore.directory(dir).load())
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void twoFilesClaimingOneVmAreCorrupt() throws IOException {
    VmStore.directory(dir).save(record("vm-1"));
    Files.copy(dir.resolve("vm-vm-1.properties"), dir.resolve("vm-copy.properties"));

    assertThatThrownBy(() -> VmStore.directory(dir).load())
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining("vm-1");
  }

  @Test
  void unrelatedFilesAreIgnored() throws IOException {
    Files.writeString(dir.resolve("README"), "not a VM", StandardCharsets.UTF_8);

    assertThat(VmStore.directory(dir).load()).isEmpty();
    assertThat(VmStore.none().load()).isEmpty();
  }
}
