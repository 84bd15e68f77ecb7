package org.vimana.manager.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vimana.core.event.VmEvent;
import org.vimana.core.event.VmEventType;
import org.vimana.core.host.HostInfo;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;
import org.vimana.manager.node.NodeReports;
import org.vimana.manager.store.DuplicateNameException;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.HostStore;
import org.vimana.manager.store.VmRecord;
import org.vimana.manager.store.VmStore;

/**
 * Brings the inventory in line with what hosts report. A host's word is the truth about the VMs it
 * runs; the inventory never deletes a VM because a host stopped reporting it, it marks it unknown
 * and says so in the history.
 */
public final class Reconciler implements NodeReports {
  private final HostStore hosts;
  private final VmStore vms;
  private final EventLog events;
  private final Clock clock;
  private final AllocationLedger ledger;
  private final MovingVms moving;

  public Reconciler(
      HostStore hosts,
      VmStore vms,
      EventLog events,
      Clock clock,
      AllocationLedger ledger,
      MovingVms moving) {
    this.moving = moving;
    this.hosts = hosts;
    this.vms = vms;
    this.events = events;
    this.clock = clock;
    this.ledger = ledger;
  }

  @Override
  public synchronized String hello(HostInfo info, List<VmStatus> reported) {
    Instant now = clock.instant();
    HostRecord host = hosts.upsert(info, now);
    events.host(host, "HOST_UP", "host connected, reporting " + reported.size() + " VMs");
    Map<String, VmRecord> known = new HashMap<>();
    for (VmRecord vm : vms.list(null, host.id(), null)) {
      known.put(vm.id(), vm);
    }
    for (VmStatus s : reported) {
      if (moving.of(s.id()).isPresent()) {
        known.remove(s.id()); // the migration settles where it is
        continue;
      }
      VmRecord vm = known.remove(s.id());
      if (vm != null) {
        if (vm.state() != s.state() || vm.bootCount() != s.bootCount()) {
          vms.updateState(vm.id(), s.state(), s.bootCount(), now);
          events.vm(vm, host.name(), "STATE_CHANGED", s.state(), "reported by host on connect");
        }
      } else {
        adopt(host, s, now);
      }
    }
    for (VmRecord missing : known.values()) {
      if (missing.state() != VmState.UNKNOWN && moving.of(missing.id()).isEmpty()) {
        vms.updateState(missing.id(), VmState.UNKNOWN, missing.bootCount(), now);
        events.vm(missing, host.name(), "STATE_CHANGED", VmState.UNKNOWN, "not reported by host");
      }
    }
    ledger.invalidate();
    return host.id();
  }

  /** A VM the host runs that the inventory does not know (made outside Vimana, or lost). */
  private void adopt(HostRecord host, VmStatus s, Instant now) {
    Optional<VmRecord> elsewhere = vms.find(s.id());
    if (elsewhere.isPresent()) {
      // The VM moved hosts while we were away (a migration finished): follow it.
      VmRecord vm = elsewhere.get();
      vms.delete(vm.id());
      insert(host, s, vm.template(), vm.tags(), now, "moved to host " + host.name());
      return;
    }
    insert(host, s, null, List.of(), now, "discovered on host");
  }

  private void insert(
      HostRecord host, VmStatus s, String template, List<String> tags, Instant now, String why) {
    VmRecord vm =
        new VmRecord(
            s.id(), s.spec(), host.id(), s.state(), template, tags, s.bootCount(), now, now);
    try {
      vms.insert(vm);
      events.vm(vm, host.name(), "DISCOVERED", s.state(), why);
    } catch (DuplicateNameException e) {
      events.host(
          host,
          "CONFLICT",
          "host runs VM '" + s.spec().name() + "' (" + s.id() + ") but that name is taken");
    }
  }

  @Override
  public void vmEvent(String hostId, VmEvent e) {
    Optional<VmRecord> vm = vms.find(e.vmId());
    if (vm.isEmpty()) {
      return;
    }
    VmRecord v = vm.get();
    Optional<MovingVms.Move> move = moving.of(v.id());
    if (move.isPresent()) {
      // Both ends speak during a migration: keep what they say, let the migration settle state.
      if (hostId.equals(move.get().sourceHostId()) || hostId.equals(move.get().targetHostId())) {
        String hostName = hosts.find(hostId).map(HostRecord::name).orElse(null);
        events.vm(v, hostId, hostName, e.type().name(), e.state(), e.message());
      }
      return;
    }
    if (!v.hostId().equals(hostId) || e.type() == VmEventType.UNDEFINED) {
      return;
    }
    // Boot counts come with command results and hellos; events carry only the state.
    vms.updateState(v.id(), e.state(), v.bootCount(), e.at());
    if (AllocationLedger.holds(v.state()) != AllocationLedger.holds(e.state())) {
      ledger.invalidate();
    }
    String hostName = hosts.find(hostId).map(HostRecord::name).orElse(null);
    events.vm(v, hostName, e.type().name(), e.state(), e.message());
  }

  @Override
  public void hostDown(String hostId, String reason) {
    hosts
        .find(hostId)
        .ifPresent(
            host -> {
              int n = vms.setStateOfHost(hostId, VmState.UNKNOWN, clock.instant());
              ledger.invalidate();
              events.host(host, "HOST_DOWN", reason + "; " + n + " VMs now unknown");
            });
  }
}
