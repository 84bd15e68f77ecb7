package org.vimana.guest.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.vimana.agent.qga.GuestOsInfo;
import org.vimana.agent.qga.GuestTimezone;

/** Host name, kernel, os-release(5) and timezone, all read from files. */
public final class SystemInfo {
  private final SystemRoot root;

  public SystemInfo(SystemRoot root) {
    this.root = root;
  }

  public String hostName() {
    String h = root.firstLine("proc/sys/kernel/hostname");
    return h == null ? root.firstLine("etc/hostname") : h;
  }

  public String kernelRelease() {
    return root.firstLine("proc/sys/kernel/osrelease");
  }

  public String kernelVersion() {
    return root.firstLine("proc/sys/kernel/version");
  }

  /** uname -m: /proc/sys/kernel/arch (Linux 6.1+) or the JVM's os.arch in uname spelling. */
  public String machine() {
    String arch = root.firstLine("proc/sys/kernel/arch");
    if (arch != null) {
      return arch;
    }
    String jvm = System.getProperty("os.arch", "unknown");
    return switch (jvm) {
      case "amd64" -> "x86_64";
      case "arm64" -> "aarch64";
      default -> jvm;
    };
  }

  public GuestOsInfo osInfo() throws IOException {
    String text = root.readIfExists("etc/os-release");
    if (text == null) {
      text = root.readIfExists("usr/lib/os-release");
    }
    Map<String, String> r = parseOsRelease(text == null ? "" : text);
    return new GuestOsInfo(
        kernelRelease(),
        kernelVersion(),
        machine(),
        r.get("ID"),
        r.get("NAME"),
        r.get("PRETTY_NAME"),
        r.get("VERSION"),
        r.get("VERSION_ID"),
        r.get("VARIANT"),
        r.get("VARIANT_ID"));
  }

  /** KEY=value lines, values optionally in single or double quotes with backslash escapes. */
  static Map<String, String> parseOsRelease(String text) {
    Map<String, String> out = new HashMap<>();
    for (String line : text.lines().toList()) {
      int eq = line.indexOf('=');
      if (line.startsWith("#") || eq <= 0) {
        continue;
      }
      String v = line.substring(eq + 1).trim();
      if (v.length() >= 2
          && (v.charAt(0) == '"' || v.charAt(0) == '\'')
          && v.charAt(v.length() - 1) == v.charAt(0)) {
        v = v.substring(1, v.length() - 1).replaceAll("\\\\(.)", "$1");
      }
      out.put(line.substring(0, eq).trim(), v);
    }
    return out;
  }

  /** /etc/timezone, else the /etc/localtime link target, else the JVM default; offset now. */
  public GuestTimezone timezone(Instant now) {
    String zone = root.firstLine("etc/timezone");
    if (zone == null || zone.isEmpty()) {
      zone = linkedZone(root.path("etc/localtime"));
    }
    ZoneId id;
    try {
      id = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
    } catch (RuntimeException e) {
      id = ZoneId.systemDefault();
    }
    return new GuestTimezone(
        zone == null ? id.getId() : zone, id.getRules().getOffset(now).getTotalSeconds());
  }

  private static String linkedZone(Path localtime) {
    try {
      if (Files.isSymbolicLink(localtime)) {
        String target = Files.readSymbolicLink(localtime).toString();
        int at = target.indexOf("zoneinfo/");
        return at < 0 ? null : target.substring(at + "zoneinfo/".length());
      }
    } catch (IOException e) {
      // unreadable link: fall back
    }
    return null;
  }
}
