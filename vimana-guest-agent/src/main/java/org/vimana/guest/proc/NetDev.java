package org.vimana.guest.proc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vimana.agent.qga.GuestNetworkInterface;

/** /proc/net/dev: per-interface counters (two header lines, then "name: 16 counters"). */
public final class NetDev {
  private NetDev() {}

  /** Counters of one interface. */
  public record Counters(String name, GuestNetworkInterface.Statistics stats) {}

  public static List<Counters> read(SystemRoot root) throws IOException {
    return parse(root.lines("proc/net/dev"));
  }

  static List<Counters> parse(List<String> lines) throws ParseException {
    List<Counters> out = new ArrayList<>();
    for (int i = 2; i < lines.size(); i++) {
      String line = lines.get(i);
      int colon = line.indexOf(':');
      if (line.isBlank()) {
        continue;
      }
      String[] f = colon < 0 ? new String[0] : Fields.of(line.substring(colon + 1));
      if (f.length < 16) {
        throw new ParseException("/proc/net/dev", i + 1, "expected 'name: 16 counters'");
      }
      try {
        out.add(
            new Counters(
                line.substring(0, colon).trim(),
                new GuestNetworkInterface.Statistics(
                    num(f[0]),
                    num(f[1]),
                    num(f[2]),
                    num(f[3]),
                    num(f[8]),
                    num(f[9]),
                    num(f[10]),
                    num(f[11]))));
      } catch (NumberFormatException e) {
        throw new ParseException("/proc/net/dev", i + 1, "not a number: " + e.getMessage());
      }
    }
    return out;
  }

  private static long num(String s) {
    return Long.parseUnsignedLong(s);
  }
}
