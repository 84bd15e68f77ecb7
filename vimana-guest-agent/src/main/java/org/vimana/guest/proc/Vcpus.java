package org.vimana.guest.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vimana.agent.qga.GuestLogicalProcessor;

/** /sys/devices/system/cpu/cpuN: a CPU without an "online" file (often cpu0) cannot go offline. */
public final class Vcpus {
  private Vcpus() {}

  public static List<GuestLogicalProcessor> read(SystemRoot root) throws IOException {
    List<GuestLogicalProcessor> out = new ArrayList<>();
    Path dir = root.path("sys/devices/system/cpu");
    try (DirectoryStream<Path> cpus = Files.newDirectoryStream(dir, "cpu[0-9]*")) {
      for (Path cpu : cpus) {
        long id = Long.parseLong(cpu.getFileName().toString().substring(3));
        Path online = cpu.resolve("online");
        boolean canOffline = Files.exists(online);
        boolean on = !canOffline || SystemRoot.read(online, 16).trim().equals("1");
        out.add(new GuestLogicalProcessor(id, on, canOffline));
      }
    }
    out.sort(Comparator.comparingLong(GuestLogicalProcessor::logicalId));
    return out;
  }
}
