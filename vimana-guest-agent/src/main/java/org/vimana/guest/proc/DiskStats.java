package org.vimana.guest.proc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vimana.agent.qga.GuestDiskStatsInfo;

/** /proc/diskstats: one line per block device, 11, 15 or 17 counters depending on the kernel. */
public final class DiskStats {
  private DiskStats() {}

  /** One device's counters in /proc/diskstats order. */
  public record Device(long major, long minor, String name, long[] counters) {
    public long counter(int index) {
      return index < counters.length ? counters[index] : 0;
    }

    public long readSectors() {
      return counter(2);
    }

    public long writeSectors() {
      return counter(6);
    }

    public long readIos() {
      return counter(0);
    }

    public long writeIos() {
      return counter(4);
    }

    public long ioMillis() {
      return counter(9);
    }

    public GuestDiskStatsInfo toQga() {
      Map<String, Long> stats = new LinkedHashMap<>();
      for (int i = 0; i < counters.length && i < GuestDiskStatsInfo.COUNTERS.size(); i++) {
        stats.put(GuestDiskStatsInfo.COUNTERS.get(i), counters[i]);
      }
      return new GuestDiskStatsInfo(name, major, minor, stats);
    }
  }

  public static List<Device> read(SystemRoot root) throws IOException {
    return parse(root.lines("proc/diskstats"));
  }

  static List<Device> parse(List<String> lines) throws ParseException {
    List<Device> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String[] f = Fields.of(lines.get(i));
      if (f.length == 1 && f[0].isEmpty()) {
        continue;
      }
      if (f.length < 14) {
        throw new ParseException("/proc/diskstats", i + 1, "expected at least 14 fields");
      }
      try {
        long[] c = new long[Math.min(17, f.length - 3)];
        for (int k = 0; k < c.length; k++) {
          c[k] = Long.parseUnsignedLong(f[k + 3]);
        }
        out.add(new Device(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], c));
      } catch (NumberFormatException e) {
        throw new ParseException("/proc/diskstats", i + 1, "not a number: " + e.getMessage());
      }
    }
    return out;
  }
}
