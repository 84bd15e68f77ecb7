package org.vimana.guest.proc;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vimana.agent.ext.Settings;

/** vimana-settings from /proc/sys, /etc/resolv.conf and the time daemons' state files. */
public final class SettingsReader {
  /** The sysctl subset reported: those that most often explain odd guest behaviour. */
  static final List<String> SYSCTLS =
      List.of(
          "kernel.pid_max",
          "kernel.panic",
          "fs.file-max",
          "vm.swappiness",
          "vm.overcommit_memory",
          "vm.dirty_ratio",
          "net.core.somaxconn",
          "net.ipv4.ip_forward",
          "net.ipv4.tcp_congestion_control",
          "net.ipv4.conf.all.rp_filter");

  private final SystemRoot root;
  private final SystemInfo info;

  public SettingsReader(SystemRoot root, SystemInfo info) {
    this.root = root;
    this.info = info;
  }

  public Settings read(Instant now) throws IOException {
    Map<String, String> sysctl = new LinkedHashMap<>();
    for (String key : SYSCTLS) {
      String v = root.firstLine("proc/sys/" + key.replace('.', '/'));
      if (v != null) {
        sysctl.put(key, v.replaceAll("\\s+", " "));
      }
    }
    List<String> nameservers = new ArrayList<>();
    List<String> search = new ArrayList<>();
    String resolv = root.readIfExists("etc/resolv.conf");
    for (String line : resolv == null ? List.<String>of() : resolv.lines().toList()) {
      String[] f = Fields.of(line);
      if (f.length >= 2 && f[0].equals("nameserver")) {
        nameservers.add(f[1]);
      } else if (f.length >= 2 && (f[0].equals("search") || f[0].equals("domain"))) {
        search.addAll(List.of(f).subList(1, f.length));
      }
    }
    Boolean synced = null;
    String source = "unknown";
    if (root.exists("run/systemd/timesync")) {
      source = "systemd-timesyncd";
      synced = root.exists("run/systemd/timesync/synchronized");
    } else if (root.exists("run/chrony")) {
      source = "chrony";
    }
    return new Settings(
        info.kernelRelease(),
        info.kernelVersion(),
        sysctl,
        nameservers,
        search,
        synced,
        source,
        info.timezone(now));
  }
}
