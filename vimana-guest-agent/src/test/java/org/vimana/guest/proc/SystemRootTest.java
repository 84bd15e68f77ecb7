package org.vimana.guest.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemRootTest {
  @Test
  void singleReadOfThisProcessStatParses() throws Exception {
    String line = SystemRoot.readSingleShow(Path.of("/proc/self/stat"), 4096);
    assertThat(Processes.parseStat(line).pid()).isEqualTo(ProcessHandle.current().pid());
  }

  @Test
  void statParsedInPlaceMatchesFieldsAndRejectsShortOrBadLines() {
    String tail = " 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0";
    Processes.Stat s =
        Processes.parseStat(
            "42 (a) b) (c) S 1 42 42 34816 42 4194560 1 2 3 4 150 50 0 0 20 0 3 0 777 1000 256"
                + tail
                + "\n");
    assertThat(s.pid()).isEqualTo(42);
    assertThat(s.comm()).isEqualTo("a) b) (c");
    assertThat(s.state()).isEqualTo("S");
    assertThat(s.ppid()).isEqualTo(1);
    assertThat(s.session()).isEqualTo(42);
    assertThat(s.ttyNr()).isEqualTo(34816);
    assertThat(s.cpuTicks()).isEqualTo(200);
    assertThat(s.threads()).isEqualTo(3);
    assertThat(s.startTicks()).isEqualTo(777);
    assertThat(s.rssPages()).isEqualTo(256);
    assertThatThrownBy(() -> Processes.parseStat("42 (a) S 1 42 42 0 42 0 1 2 3 4 150 50"))
        .isInstanceOf(Processes.ParseExceptionUnchecked.class)
        .hasMessageContaining("fields after comm");
    assertThatThrownBy(
            () ->
                Processes.parseStat(
                    "42 (a) S 1 42 42 0 42 0 1 2 3 4 x 50 0 0 20 0 3 0 777 1000 256" + tail))
        .isInstanceOf(Processes.ParseExceptionUnchecked.class)
        .hasMessageContaining("bad number");
  }

  @Test
  void pageSizeComesFromSmaps(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("proc/self"));
    Files.writeString(
        dir.resolve("proc/self/smaps"),
        "00400000-00452000 r-xp 00000000 fd:00 1 /bin/x\nSize:   328 kB\nKernelPageSize:   16 kB\n");
    assertThat(Processes.kernelPageSize(new SystemRoot(dir))).isEqualTo(16384);
    assertThat(Processes.kernelPageSize(new SystemRoot(dir.resolve("none"))))
        .isEqualTo(Processes.PAGE_SIZE);
    // this machine's own kernel, as the agent reads it in a guest
    assertThat(new Processes(SystemRoot.host()).pageSize())
        .isPositive()
        .isEqualTo(
            Long.parseLong(
                    Files.readAllLines(Path.of("/proc/self/smaps")).stream()
                        .filter(l -> l.startsWith("KernelPageSize:"))
                        .findFirst()
                        .orElseThrow()
                        .replaceAll("[^0-9]", ""))
                * 1024);
  }

  @Test
  void singleReadIsCutAtMaxAndEmptyForEmptyFiles(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("f"), "0123456789");
    assertThat(SystemRoot.readSingleShow(f, 4)).isEqualTo("0123");
    assertThat(SystemRoot.readSingleShow(f, 64)).isEqualTo("0123456789");
    assertThat(SystemRoot.readSingleShow(Files.createFile(dir.resolve("e")), 64)).isEmpty();
  }

  @Test
  void heldSystemFileIsReadAfreshFromItsStart(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("proc"));
    Path loadavg = Files.writeString(dir.resolve("proc/loadavg"), "0.50 0.40 0.30 1/80 999\n");
    SystemRoot root = new SystemRoot(dir);
    assertThat(LoadAvg.read(root).one()).isEqualTo(0.5);
    Files.writeString(loadavg, "2.00 1.00 0.75 3/81 1000\n"); // rewritten in place, as procfs is
    assertThat(LoadAvg.read(root).one()).isEqualTo(2.0);
    Files.writeString(loadavg, "7 6 5 1/1 1\n"); // shorter: nothing of the old text is left
    assertThat(root.read("/proc/loadavg")).isEqualTo("7 6 5 1/1 1\n");
    assertThat(root.heldCount()).isEqualTo(1);
    // a file larger than the read buffer comes whole
    String mounts = "/dev/vda / ext4 rw 0 0\n".repeat(3000);
    Files.writeString(dir.resolve("proc/mounts"), mounts);
    assertThat(root.read("proc/mounts")).isEqualTo(mounts);
    assertThat(root.firstLine("proc/mounts")).isEqualTo("/dev/vda / ext4 rw 0 0");
    assertThat(root.heldCount()).isEqualTo(2);
  }

  @Test
  void missingHeldFileIsNoSuchFileAndNotHeld(@TempDir Path dir) throws Exception {
    SystemRoot root = new SystemRoot(dir);
    assertThat(root.readIfExists("proc/meminfo")).isNull();
    assertThat(root.firstLine("proc/uptime")).isNull();
    assertThatThrownBy(() -> root.read("proc/stat"))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("proc/stat");
    assertThat(root.heldCount()).isZero();
    Files.createDirectories(dir.resolve("proc"));
    Files.writeString(dir.resolve("proc/uptime"), "12.50 10.00\n");
    assertThat(root.firstLine("proc/uptime")).isEqualTo("12.50 10.00");
    assertThat(root.heldCount()).isEqualTo(1);
  }

  @Test
  void thisHostsUptimeAdvancesThroughTheHeldFile() throws Exception {
    SystemRoot root = SystemRoot.host();
    double first = Double.parseDouble(root.firstLine("proc/uptime").split(" ")[0]);
    Thread.sleep(30);
    double second = Double.parseDouble(root.firstLine("proc/uptime").split(" ")[0]);
    assertThat(second).isGreaterThan(first);
    assertThat(root.heldCount()).isEqualTo(1);
    // the kernel's own text, not a cached copy: the same as a fresh read
    assertThat(MemInfo.read(root).toMemory().totalBytes())
        .isEqualTo(
            MemInfo.parse(Files.readAllLines(Path.of("/proc/meminfo"))).toMemory().totalBytes());
  }

  @Test
  void cachedStatvfsAgreesWithFileStoreAndStaysFresh(@TempDir Path dir) throws Exception {
    Filesystems.Space first = Filesystems.STATVFS.space("/");
    Filesystems.Space again = Filesystems.STATVFS.space("/");
    assertThat(again.total()).isEqualTo(first.total());
    assertThat(first.total()).isEqualTo(Files.getFileStore(Path.of("/")).getTotalSpace());
    // the kept store still runs statvfs per query: a vanished mountpoint fails, not stale figures
    Path gone = Files.createDirectory(dir.resolve("mnt"));
    assertThat(Filesystems.STATVFS.space(gone.toString()).total()).isPositive();
    Files.delete(gone);
    assertThatThrownBy(() -> Filesystems.STATVFS.space(gone.toString()))
        .isInstanceOf(java.io.IOException.class);
  }
}
