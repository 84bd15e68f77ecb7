package org.vimana.driver.libvirt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.event.VmEvent;
import org.vimana.core.vm.VmAction;
import org.vimana.core.vm.VmLifecycle;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;
import org.vimana.driver.libvirt.connection.LibvirtConnection;
import org.vimana.driver.libvirt.xml.DomainDescription;

/**
 * This host's domains as Vimana VMs, always read through the connection of the moment: lookups by
 * VM id (the domain UUID) and name, a domain's {@link VmStatus} (the spec from the metadata,
 * cached; foreign domains get one made from their info), the domains that ran since this driver
 * first saw them (a shut-off one is then STOPPED, else DEFINED), and the state last reported of
 * each VM, which a reconnection compares with what libvirtd says now.
 */
final class Domains implements LibvirtSnapshots.DomainLookup {
  private final LibvirtConnection connection;
  private final Map<String, VmSpec> specs = new ConcurrentHashMap<>();
  private final Set<String> everStarted = ConcurrentHashMap.newKeySet();
  private final Map<String, VmState> reported = new ConcurrentHashMap<>();

  Domains(LibvirtConnection connection) {
    this.connection = connection;
  }

  /** Every domain, foreign ones included (those whose name Vimana cannot represent left out). */
  List<VmStatus> list() throws HypervisorException {
    try {
      List<VmStatus> out = new ArrayList<>();
      for (Domain d : connection.get().listAllDomains(0)) {
        status(d).ifPresent(out::add);
      }
      return out;
    } catch (LibvirtException e) {
      throw Errors.map(connection, "cannot list domains", e);
    }
  }

  Optional<VmStatus> find(String vmId) throws HypervisorException {
    Optional<Domain> d = lookup(vmId);
    return d.isPresent() ? status(d.get()) : Optional.empty();
  }

  /** Marks the running domains as started: a driver that (re)connects adopts them. */
  void adoptRunning() throws HypervisorException {
    try {
      for (Domain d : connection.get().listAllDomains(0)) {
        if (d.isActive() == 1) {
          everStarted.add(d.getUUIDString());
        }
      }
    } catch (LibvirtException e) {
      throw Errors.map(connection, "cannot list domains", e);
    }
  }

  /**
   * After a reconnection: the VMs whose state differs from the one last reported (events missed
   * while libvirtd was away, e.g. a guest that powered off), with their state now.
   */
  Map<String, VmState> resync() throws HypervisorException {
    adoptRunning();
    Map<String, VmState> before = Map.copyOf(reported);
    Map<String, VmState> now = new HashMap<>();
    for (VmStatus s : list()) {
      now.put(s.id(), s.state());
    }
    return changed(before, now);
  }

  /** The entries of {@code now} whose state differs from {@code before} (VMs known to both). */
  static Map<String, VmState> changed(Map<String, VmState> before, Map<String, VmState> now) {
    Map<String, VmState> out = new HashMap<>();
    now.forEach(
        (id, state) -> {
          VmState was = before.get(id);
          if (was != null && was != state) {
            out.put(id, state);
          }
        });
    return out;
  }

  @Override
  public Domain domain(String vmId) throws HypervisorException {
    return lookup(vmId)
        .orElseThrow(() -> new HypervisorException(Reason.NOT_FOUND, "no VM " + vmId + " here"));
  }

  Optional<Domain> lookup(String vmId) throws HypervisorException {
    try {
      UUID.fromString(vmId);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(connection.get().domainLookupByUUIDString(vmId));
    } catch (LibvirtException e) {
      if (noDomain(e)) {
        return Optional.empty();
      }
      throw Errors.map(connection, "cannot look up VM " + vmId, e);
    }
  }

  Optional<Domain> lookupByName(String name) throws HypervisorException {
    try {
      return Optional.of(connection.get().domainLookupByName(name));
    } catch (LibvirtException e) {
      if (noDomain(e)) {
        return Optional.empty();
      }
      throw Errors.map(connection, "cannot look up domain " + name, e);
    }
  }

  /** The VM's domain if its state accepts {@code action}; INVALID_STATE names those it accepts. */
  Domain require(String vmId, VmAction action) throws HypervisorException {
    Domain d = domain(vmId);
    VmState state = stateOf(d);
    if (!VmLifecycle.accepts(state, action)) {
      throw new HypervisorException(
          Reason.INVALID_STATE,
          "VM "
              + vmId
              + " is "
              + state.wireName()
              + " and cannot "
              + action.pathName()
              + "; it accepts "
              + VmLifecycle.acceptedActions(state));
    }
    return d;
  }

  VmState stateOf(Domain d) {
    try {
      return States.vmState(d.getInfo().state, everStarted.contains(d.getUUIDString()));
    } catch (LibvirtException e) {
      return VmState.STOPPED; // the domain went away while we looked (undefined or migrated)
    }
  }

  void defined(String vmId, VmSpec spec) {
    specs.put(vmId, spec);
    reported.put(vmId, VmState.DEFINED);
  }

  void started(String vmId) {
    everStarted.add(vmId);
  }

  void forget(String vmId) {
    specs.remove(vmId);
    everStarted.remove(vmId);
    reported.remove(vmId);
  }

  /** Follows the events: a VM that ran counts as started; its state is the one last reported. */
  void track(VmEvent event) {
    if (event.state().consumesResources()) {
      everStarted.add(event.vmId());
    }
    reported.put(event.vmId(), event.state());
  }

  static DomainDescription describe(String vmId, Domain d) throws HypervisorException {
    try {
      return DomainDescription.parse(d.getXMLDesc(0));
    } catch (LibvirtException e) {
      throw Errors.map("cannot read the definition of " + vmId, e);
    } catch (IllegalArgumentException e) {
      throw new HypervisorException(
          Reason.FAILED, "bad definition of " + vmId + ": " + e.getMessage(), e);
    }
  }

  private Optional<VmStatus> status(Domain d) throws HypervisorException {
    try {
      String id = d.getUUIDString();
      DomainInfo info = d.getInfo();
      Optional<VmSpec> spec = spec(id, d, info);
      if (spec.isEmpty()) {
        return Optional.empty();
      }
      boolean started = everStarted.contains(id);
      VmState state = States.vmState(info.state, started);
      reported.put(id, state);
      return Optional.of(new VmStatus(id, spec.get(), state, started ? 1 : 0));
    } catch (LibvirtException e) {
      if (noDomain(e)) {
        return Optional.empty();
      }
      throw Errors.map(connection, "cannot read domain", e);
    }
  }

  /** The spec from the metadata, or one made from the domain itself for foreign domains. */
  private Optional<VmSpec> spec(String id, Domain d, DomainInfo info) throws HypervisorException {
    VmSpec cached = specs.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    DomainDescription desc = describe(id, d);
    VmSpec spec;
    try {
      spec =
          desc.spec()
              .orElseGet(
                  () ->
                      new VmSpec(
                          desc.name(),
                          Math.max(1, info.nrVirtCpu),
                          Math.max(1, info.maxMem / 1024),
                          0,
                          "",
                          null,
                          Map.of("libvirt.foreign", "true")));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a foreign domain whose name Vimana cannot represent
    }
    specs.put(id, spec);
    return Optional.of(spec);
  }

  private static boolean noDomain(LibvirtException e) {
    return e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_NO_DOMAIN;
  }
}
