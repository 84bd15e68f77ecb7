package org.vimana.guest.proc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vimana.agent.ext.ListeningSocket;

/**
 * Listening TCP sockets and bound UDP sockets from /proc/net/{tcp,tcp6,udp,udp6}. Addresses are hex
 * in host byte order per 32-bit word (little-endian on x86 and arm64, which we assume).
 */
public final class ListeningSockets {
  private static final String TCP_LISTEN = "0A";
  private static final String UDP_UNCONNECTED = "07";

  private ListeningSockets() {}

  public static List<ListeningSocket> read(SystemRoot root) throws IOException {
    List<ListeningSocket> out = new ArrayList<>();
    for (String proto : List.of("tcp", "tcp6", "udp", "udp6")) {
      String text = root.readIfExists("proc/net/" + proto);
      if (text != null) {
        out.addAll(parse(proto, text.lines().toList()));
      }
    }
    return out;
  }

  static List<ListeningSocket> parse(String proto, List<String> lines) throws ParseException {
    String want = proto.startsWith("tcp") ? TCP_LISTEN : UDP_UNCONNECTED;
    List<ListeningSocket> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = Fields.of(lines.get(i));
      if (f.length == 1 && f[0].isEmpty()) {
        continue;
      }
      if (f.length < 10 || f[1].indexOf(':') < 0) {
        throw new ParseException("/proc/net/" + proto, i + 1, "expected at least 10 fields");
      }
      if (!f[3].equals(want)) {
        continue;
      }
      try {
        String[] local = f[1].split(":");
        out.add(
            new ListeningSocket(
                proto,
                address(local[0]),
                Integer.parseInt(local[1], 16),
                Long.parseLong(f[7]),
                Long.parseLong(f[9])));
      } catch (RuntimeException e) {
        throw new ParseException("/proc/net/" + proto, i + 1, "malformed: " + e.getMessage());
      }
    }
    return out;
  }

  /** Hex address to text: 8 digits are IPv4, 32 digits IPv6 (each word byte-swapped). */
  static String address(String hex) {
    byte[] b = new byte[hex.length() / 2];
    for (int word = 0; word < b.length / 4; word++) {
      for (int k = 0; k < 4; k++) {
        int at = word * 8 + (3 - k) * 2;
        b[word * 4 + k] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    if (b.length == 4) {
      return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i += 2) {
      if (i > 0) {
        sb.append(':');
      }
      sb.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)));
    }
    return compress(sb.toString());
  }

  /** Shortens the longest run of ":0:0" groups to "::" as inet_ntop does. */
  static String compress(String full) {
    String[] groups = full.split(":");
    int bestAt = -1;
    int bestLen = 0;
    for (int i = 0; i < groups.length; ) {
      if (!groups[i].equals("0")) {
        i++;
        continue;
      }
      int j = i;
      while (j < groups.length && groups[j].equals("0")) {
        j++;
      }
      if (j - i > bestLen && j - i > 1) {
        bestAt = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestAt < 0) {
      return full;
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestAt));
    String tail =
        String.join(":", java.util.Arrays.copyOfRange(groups, bestAt + bestLen, groups.length));
    return head + "::" + tail;
  }
}
