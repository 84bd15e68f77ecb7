package org.vimana.guest.bench;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import org.vimana.agent.ext.StatusRequest;
import org.vimana.agent.ext.StatusSection;
import org.vimana.guest.proc.DiskStats;
import org.vimana.guest.proc.Filesystems;
import org.vimana.guest.proc.ListeningSockets;
import org.vimana.guest.proc.LoadAvg;
import org.vimana.guest.proc.MemInfo;
import org.vimana.guest.proc.NetDev;
import org.vimana.guest.proc.ProcStat;
import org.vimana.guest.proc.Processes;
import org.vimana.guest.proc.SystemRoot;
import org.vimana.guest.status.StatusCollector;

/**
 * Where one vimana-status snapshot's time goes on this machine: each collector timed alone (median
 * of N runs after N warm-up runs), then the whole snapshot with and without its JSON text. Meant to
 * run inside a guest ({@code java -cp /usr/lib/vimana-guest-agent/vimana-guest-agent.jar
 * org.vimana.guest.bench.SnapshotParts [N]}), where every file read is emulated.
 */
public final class SnapshotParts {
  private SnapshotParts() {}

  /** One timed part. */
  interface Part {
    Object run() throws IOException;
  }

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    SystemRoot root = SystemRoot.host();
    Processes processes = new Processes(root);
    Filesystems filesystems = new Filesystems(root, Filesystems.STATVFS);
    StatusCollector status =
        new StatusCollector(root, Clock.systemUTC(), processes, filesystems, List.of(), List::of);
    System.out.printf("%-34s %10s%n", "part (" + n + " runs)", "median");
    time("/proc/stat", n, () -> ProcStat.read(root));
    time("/proc/diskstats", n, () -> DiskStats.read(root));
    time("/proc/net/dev", n, () -> NetDev.read(root));
    time("/proc/meminfo + loadavg", n, () -> List.of(MemInfo.read(root), LoadAvg.read(root)));
    compare(
        "processes: every /proc/PID/stat",
        "  same, each opened and closed",
        n,
        processes::all,
        () -> statsOpenedEachScan(root));
    Filesystems uncached =
        new Filesystems(
            root,
            m -> {
              FileStore fs = Files.getFileStore(Path.of(m));
              return new Filesystems.Space(
                  fs.getTotalSpace(), fs.getUnallocatedSpace(), fs.getUsableSpace());
            });
    compare(
        "filesystems (mounts + statvfs)",
        "  same, the earlier way",
        n,
        filesystems::usage,
        uncached::usage);
    time("listening sockets (/proc/net/*)", n, () -> ListeningSockets.read(root));
    List<Long> ten = processes.all().stream().limit(10).map(Processes.Stat::pid).toList();
    time(
        "10 reported: status + cmdline",
        n,
        () -> ten.stream().map(pid -> processes.uid(pid) + processes.cmdline(pid, "?")).toList());
    time("snapshot, 10 top processes", n, () -> status.snapshot(StatusRequest.DEFAULT));
    time("snapshot + JSON text", n, () -> status.snapshot(StatusRequest.DEFAULT).toJson().toJson());
    // A push as a Vimana node subscribes (vimana-node GuestViews.SECTIONS) against a full one.
    StatusRequest nodePush =
        new StatusRequest(
            5, List.of(), EnumSet.of(StatusSection.FILESYSTEMS, StatusSection.PROCESSES));
    StatusRequest fullPush = new StatusRequest(5, List.of());
    compare(
        "push, node's sections + JSON text",
        "  same, all sections",
        n,
        () -> status.snapshot(nodePush).toJson().toJson(),
        () -> status.snapshot(fullPush).toJson().toJson());
    System.out.printf("processes: %d%n", processes.all().size());
  }

  /** The process scan as it was before stat files were held: open, read and close each. */
  static List<Processes.Stat> statsOpenedEachScan(SystemRoot root) throws IOException {
    String proc = root.path("proc").toString();
    String[] names = new File(proc).list();
    List<Processes.Stat> out = new ArrayList<>();
    byte[] buf = new byte[4096];
    for (String name : names == null ? new String[0] : names) {
      if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
        try (FileInputStream in = new FileInputStream(proc + "/" + name + "/stat")) {
          int n = in.read(buf);
          out.add(Processes.parseStat(new String(buf, 0, Math.max(n, 0), StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
          // exited meanwhile
        }
      }
    }
    return out;
  }

  /**
   * One way against another (the earlier one, or a fuller request), alternated run by run so that a
   * noisy host (a TCG guest on shared cores) slows both alike.
   */
  static void compare(String name, String beforeName, int n, Part now, Part before)
      throws IOException {
    List<Double> a = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    for (int i = 0; i < 2 * n; i++) {
      long t = System.nanoTime();
      now.run();
      long u = System.nanoTime();
      before.run();
      if (i >= n) {
        a.add((u - t) / 1e6);
        b.add((System.nanoTime() - u) / 1e6);
      }
    }
    Collections.sort(a);
    Collections.sort(b);
    System.out.printf("%-34s %7.2f ms%n", name, a.get(a.size() / 2));
    System.out.printf("%-34s %7.2f ms%n", beforeName, b.get(b.size() / 2));
  }

  static void time(String name, int n, Part part) throws IOException {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < 2 * n; i++) {
      long t = System.nanoTime();
      part.run();
      if (i >= n) {
        ms.add((System.nanoTime() - t) / 1e6);
      }
    }
    Collections.sort(ms);
    System.out.printf("%-34s %7.2f ms%n", name, ms.get(ms.size() / 2));
  }
}
