package org.vimana.guest.proc;

import java.io.IOException;
import org.vimana.agent.ext.StatusSnapshot;

/** /proc/loadavg: "0.20 0.18 0.12 1/80 11206". */
public final class LoadAvg {
  private LoadAvg() {}

  public static StatusSnapshot.Load read(SystemRoot root) throws IOException {
    return parse(root.read("proc/loadavg"));
  }

  static StatusSnapshot.Load parse(String text) throws ParseException {
    String[] f = Fields.of(text);
    int slash = f.length > 3 ? f[3].indexOf('/') : -1;
    if (f.length < 4 || slash < 0) {
      throw new ParseException("/proc/loadavg", 1, "expected 'l1 l5 l15 running/total last'");
    }
    try {
      return new StatusSnapshot.Load(
          Double.parseDouble(f[0]),
          Double.parseDouble(f[1]),
          Double.parseDouble(f[2]),
          Long.parseLong(f[3].substring(0, slash)),
          Long.parseLong(f[3].substring(slash + 1)));
    } catch (NumberFormatException e) {
      throw new ParseException("/proc/loadavg", 1, "not a number: " + e.getMessage());
    }
  }
}
