package org.vimana.cli.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vimana.api.model.AgentView;
import org.vimana.api.model.GuestView;
import org.vimana.cli.format.KeyValues;
import org.vimana.cli.format.Sizes;

/** The "Agent" section of {@code vimana vm show}: readiness and the guest's own view. */
final class AgentViews {
  private AgentViews() {}

  /** Whether the manager has anything to say about this VM's agent. */
  static boolean worthShowing(AgentView a) {
    return a != null && (a.guest() != null || !"no_channel".equals(a.readiness()));
  }

  static String section(AgentView a) {
    KeyValues kv = new KeyValues();
    String ready = a.readiness();
    if (a.readyAfterMs() != null) {
      ready += String.format(Locale.ROOT, " (ready %.1f s after start)", a.readyAfterMs() / 1000.0);
    }
    kv.add("Readiness", ready);
    GuestView g = a.guest();
    if (g != null) {
      kv.add("Agent", agent(g));
      kv.add("OS", join(g.os(), g.kernel() == null ? null : "kernel " + g.kernel()));
      kv.add("Host name", g.hostName());
      kv.add("Uptime", g.uptimeSeconds() == null ? null : uptime(g.uptimeSeconds()));
      kv.add("Memory", memory(g));
      kv.add(
          "Load",
          g.load1() == null
              ? null
              : String.format(Locale.ROOT, "%.2f %.2f %.2f", g.load1(), g.load5(), g.load15()));
      kv.add("Processes", g.processCount() == null ? null : g.processCount().toString());
      kv.add("Filesystems", filesystems(g));
    }
    StringBuilder sb = new StringBuilder("Agent\n");
    for (String line : kv.render().split("\n")) {
      sb.append("  ").append(line).append('\n');
    }
    return sb.toString();
  }

  private static String agent(GuestView g) {
    String kind = "qemu-ga".equals(g.agentKind()) ? "qemu-guest-agent" : "vimana-guest-agent";
    return g.agentVersion() == null ? kind : kind + " " + g.agentVersion();
  }

  private static String memory(GuestView g) {
    if (g.memoryTotalBytes() == null || g.memoryUsedBytes() == null) {
      return null;
    }
    return Sizes.formatMib(g.memoryUsedBytes() >> 20)
        + "/"
        + Sizes.formatMib(g.memoryTotalBytes() >> 20)
        + " used";
  }

  private static String filesystems(GuestView g) {
    if (g.filesystems() == null || g.filesystems().isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (GuestView.Filesystem f : g.filesystems()) {
      long pct = f.totalBytes() == 0 ? 0 : Math.round(100.0 * f.usedBytes() / f.totalBytes());
      parts.add(f.mountpoint() + " " + pct + "%");
    }
    return String.join(", ", parts);
  }

  static String uptime(long seconds) {
    long d = seconds / 86_400;
    long h = seconds % 86_400 / 3600;
    long m = seconds % 3600 / 60;
    if (d > 0) {
      return d + "d " + h + "h";
    }
    return h > 0 ? h + "h " + m + "m" : m + "m " + seconds % 60 + "s";
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + ", " + b;
  }
}
