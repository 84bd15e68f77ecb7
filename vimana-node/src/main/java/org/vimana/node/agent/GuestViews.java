package org.vimana.node.agent;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.vimana.agent.client.AgentCapabilities;
import org.vimana.agent.ext.FilesystemUsage;
import org.vimana.agent.ext.StatusSection;
import org.vimana.agent.ext.StatusSnapshot;
import org.vimana.agent.json.JsonArray;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.qga.GuestOsInfo;

/**
 * The compact guest view relayed to the manager: the few figures an operator reads first, not the
 * whole status snapshot (that one a {@code vimana-status} command returns in full). Keys are the
 * API's (camelCase), so the manager passes the object on as it is; absent keys are unknown (a
 * qemu-guest-agent tells only OS and host name).
 */
public final class GuestViews {
  /**
   * The snapshot sections this view reads, all the node asks its agents to push: the agent then
   * reads no other /proc files at each push (socket tables, disk and interface counters). Whoever
   * wants the rest asks for a full vimana-status.
   */
  public static final Set<StatusSection> SECTIONS =
      StatusSection.copy(EnumSet.of(StatusSection.FILESYSTEMS, StatusSection.PROCESSES));

  private GuestViews() {}

  /** Who answers and where it runs, learned once per connection. */
  public record Identity(AgentCapabilities capabilities, GuestOsInfo os, String hostName) {}

  public static JsonObject of(Identity id, StatusSnapshot s) {
    JsonObject.Builder b = JsonObject.builder();
    AgentCapabilities caps = id.capabilities();
    b.put("agentKind", caps.kind() == AgentCapabilities.Kind.VIMANA ? "vimana" : "qemu-ga");
    b.putOpt("agentVersion", caps.version());
    if (id.os() != null) {
      b.putOpt("os", id.os().prettyName() != null ? id.os().prettyName() : id.os().name());
      b.putOpt("kernel", id.os().kernelRelease());
    }
    b.putOpt("hostName", id.hostName());
    if (s != null) {
      b.put("takenAtMs", s.takenAtMillis());
      b.put("uptimeSeconds", Math.round(s.uptimeSeconds()));
      b.put("cpuCount", s.cpu().count());
      b.put("cpuPercent", round(s.cpu().usagePercent()));
      b.put("memoryTotalBytes", s.memory().totalBytes());
      b.put("memoryUsedBytes", s.memory().usedBytes());
      b.put("memoryAvailableBytes", s.memory().availableBytes());
      b.put("load1", s.load().one());
      b.put("load5", s.load().five());
      b.put("load15", s.load().fifteen());
      b.put("processCount", s.load().tasks());
      b.put("topProcessCount", s.processes().size());
      b.put("filesystems", filesystems(s.filesystems()));
    }
    return b.build();
  }

  private static JsonArray filesystems(List<FilesystemUsage> list) {
    return JsonArray.of(
        list,
        f ->
            JsonObject.builder()
                .put("mountpoint", f.mountpoint())
                .put("type", f.type())
                .put("totalBytes", f.totalBytes())
                .put("usedBytes", f.usedBytes())
                .build());
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
