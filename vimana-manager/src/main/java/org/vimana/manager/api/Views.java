package org.vimana.manager.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vimana.api.model.HostView;
import org.vimana.api.model.VmView;
import org.vimana.core.stats.HostStats;
import org.vimana.core.stats.VmStats;
import org.vimana.manager.node.HostLive;
import org.vimana.manager.node.LiveHosts;
import org.vimana.manager.store.HostAllocation;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.VmRecord;
import org.vimana.manager.store.VmStore;
import org.vimana.rpc.AgentReadiness;

/** Builds the API's views from stored records and the hosts' live figures. */
final class Views {
  private final LiveHosts live;
  private final VmStore vms;

  Views(LiveHosts live, VmStore vms) {
    this.live = live;
    this.vms = vms;
  }

  List<HostView> hosts(List<HostRecord> hosts) {
    Map<String, HostAllocation> alloc = vms.allocations();
    return hosts.stream().map(h -> host(h, alloc)).toList();
  }

  HostView host(HostRecord h) {
    return host(h, vms.allocations());
  }

  private HostView host(HostRecord h, Map<String, HostAllocation> alloc) {
    HostAllocation a = alloc.getOrDefault(h.id(), HostAllocation.none(h.id()));
    HostLive l = live.get(h.id()).orElse(null);
    HostStats s = l == null ? null : l.stats();
    boolean up = l != null && l.up();
    return new HostView(
        h.id(),
        h.name(),
        up ? "up" : "down",
        h.maintenance(),
        h.info().driver(),
        h.info().hypervisor(),
        h.info().cpuModel(),
        h.info().capacity().cpuCores(),
        h.info().capacity().cpuMhz(),
        h.info().capacity().memoryMib(),
        h.info().capacity().diskGib(),
        a.vmCount(),
        a.runningVms(),
        a.vcpus(),
        a.memoryMib(),
        up && s != null ? s.cpuPercent() : null,
        up && s != null ? s.memoryUsedMib() : null,
        l != null ? l.lastSeen() : h.lastSeen());
  }

  List<VmView> vms(List<VmRecord> records, Map<String, String> hostNames) {
    Map<String, Map<String, VmStats>> statsByHost = new HashMap<>();
    return records.stream()
        .map(
            v ->
                vm(
                    v,
                    hostNames.get(v.hostId()),
                    statsByHost
                        .computeIfAbsent(
                            v.hostId(), id -> live.get(id).map(HostLive::vmStats).orElse(Map.of()))
                        .get(v.id())))
        .toList();
  }

  VmView vm(VmRecord v, String hostName) {
    VmStats s = live.get(v.hostId()).map(HostLive::vmStats).map(m -> m.get(v.id())).orElse(null);
    return vm(v, hostName, s);
  }

  /** The readiness of the VM's agent as its current host last reported it. */
  String agentReadiness(VmRecord v) {
    if (!live.up(v.hostId())) {
      return "unknown";
    }
    return live.agents()
        .get(v.id(), v.hostId())
        .map(a -> readiness(a.readiness()))
        .orElse("no_channel");
  }

  static String readiness(AgentReadiness r) {
    return switch (r) {
      case AGENT_WAITING -> "waiting";
      case AGENT_READY -> "ready";
      case AGENT_UNRESPONSIVE -> "unresponsive";
      case AGENT_NO_CHANNEL, AGENT_READINESS_UNSPECIFIED, UNRECOGNIZED -> "no_channel";
    };
  }

  private VmView vm(VmRecord v, String hostName, VmStats s) {
    boolean sampled = s != null && v.state().consumesResources();
    return new VmView(
        v.id(),
        v.name(),
        v.state().wireName(),
        v.hostId(),
        hostName,
        v.spec().vcpus(),
        v.spec().memoryMib(),
        v.spec().diskGib(),
        v.template(),
        v.spec().image(),
        v.spec().workload(),
        v.tags(),
        sampled ? s.cpuPercent() : null,
        sampled ? s.memoryUsedMib() : null,
        v.bootCount(),
        v.createdAt(),
        v.updatedAt(),
        agentReadiness(v));
  }
}
