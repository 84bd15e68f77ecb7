package org.vimana.guest.proc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /proc/mounts (or /proc/self/mounts), with the kernel's octal escapes decoded. */
public final class Mounts {
  /** Network filesystems, which QEMU's guest-get-fsinfo leaves out. */
  static final Set<String> NETWORK =
      Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse.sshfs");

  private Mounts() {}

  /** One mount. */
  public record Mount(String device, String mountpoint, String type, String options) {
    /** Backed by storage (a /dev node, or the root filesystem whatever it is). */
    public boolean isStorage() {
      return (device.startsWith("/dev/") || mountpoint.equals("/")) && !NETWORK.contains(type);
    }
  }

  public static List<Mount> read(SystemRoot root) throws IOException {
    return parse(root.lines("proc/mounts"));
  }

  /** Storage mounts, one per mountpoint (the last mount on a path hides earlier ones). */
  public static List<Mount> storage(List<Mount> all) {
    Map<String, Mount> byPoint = new LinkedHashMap<>();
    for (Mount m : all) {
      if (m.isStorage()) {
        byPoint.remove(m.mountpoint());
        byPoint.put(m.mountpoint(), m);
      } else {
        byPoint.remove(m.mountpoint());
      }
    }
    return List.copyOf(byPoint.values());
  }

  static List<Mount> parse(List<String> lines) throws ParseException {
    List<Mount> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] f = Fields.of(lines.get(i));
      if (f.length < 4) {
        throw new ParseException(
            "/proc/mounts", i + 1, "expected 'device mountpoint type options'");
      }
      out.add(new Mount(unescape(f[0]), unescape(f[1]), f[2], f[3]));
    }
    return out;
  }

  /** Decodes "\040" style octal escapes (space, tab, newline, backslash). */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && isOctal(s, i + 1)) {
        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isOctal(String s, int at) {
    if (at + 3 > s.length()) {
      return false;
    }
    for (int k = at; k < at + 3; k++) {
      if (s.charAt(k) < '0' || s.charAt(k) > '7') {
        return false;
      }
    }
    return true;
  }
}
