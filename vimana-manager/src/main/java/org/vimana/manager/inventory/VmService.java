package org.vimana.manager.inventory;

import static org.vimana.manager.inventory.InventoryException.Kind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.core.Validation;
import org.vimana.core.template.Template;
import org.vimana.core.vm.VmAction;
import org.vimana.core.vm.VmLifecycle;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.manager.node.LiveHosts;
import org.vimana.manager.node.NodeCommands;
import org.vimana.manager.placement.Candidate;
import org.vimana.manager.placement.Placement;
import org.vimana.manager.store.DuplicateNameException;
import org.vimana.manager.store.HostAllocation;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.HostStore;
import org.vimana.manager.store.TemplateStore;
import org.vimana.manager.store.VmRecord;
import org.vimana.manager.store.VmStore;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.ConsoleRequest;
import org.vimana.rpc.DefineVm;
import org.vimana.rpc.VmActionRequest;
import org.vimana.rpc.mapping.WireMapper;

/** What operators ask of VMs: create (with placement), lifecycle actions, tags, delete. */
public final class VmService {
  private final VmStore vms;
  private final HostStore hosts;
  private final TemplateStore templates;
  private final LiveHosts live;
  private final NodeCommands nodes;
  private final Placement placement;
  private final AllocationLedger ledger;
  private final EventLog events;
  private final Clock clock;

  /** Serialises placement with the reservation (row insert) so creates cannot overbook. */
  private final Object placing = new Object();

  public VmService(
      VmStore vms,
      HostStore hosts,
      TemplateStore templates,
      LiveHosts live,
      NodeCommands nodes,
      Placement placement,
      AllocationLedger ledger,
      EventLog events,
      Clock clock) {
    this.vms = vms;
    this.hosts = hosts;
    this.templates = templates;
    this.live = live;
    this.nodes = nodes;
    this.placement = placement;
    this.ledger = ledger;
    this.events = events;
    this.clock = clock;
  }

  public VmRecord get(String idOrName) {
    return vms.find(idOrName).orElseThrow(() -> InventoryException.notFound("VM", idOrName));
  }

  public VmRecord create(CreateVmRequest r) {
    VmSpec spec = spec(r);
    List<String> tags = tags(r.tags());
    if (vms.find(spec.name()).isPresent()) {
      throw new InventoryException(
          Kind.CONFLICT, "a VM named '" + spec.name() + "' already exists");
    }
    Instant now = clock.instant();
    VmRecord vm;
    HostRecord host;
    synchronized (placing) {
      host = place(spec, r.host());
      vm =
          new VmRecord(
              UUID.randomUUID().toString(),
              spec,
              host.id(),
              VmState.DEFINED,
              r.template(),
              tags,
              0,
              now,
              now);
      try {
        vms.insert(vm);
      } catch (DuplicateNameException e) {
        throw new InventoryException(Kind.CONFLICT, e.getMessage());
      }
      ledger.reserved(host.id(), spec.vcpus(), spec.memoryMib());
    }
    Command.Builder define =
        Command.newBuilder()
            .setDefine(
                DefineVm.newBuilder()
                    .setVmId(vm.id())
                    .setSpec(WireMapper.toWire(spec))
                    .setStart(r.start() == null || r.start()));
    CommandResult result;
    try {
      result = call(host, define);
    } catch (InventoryException e) {
      vms.delete(vm.id());
      ledger.invalidate();
      throw e;
    }
    if (!result.getOk()) {
      vms.delete(vm.id());
      ledger.invalidate();
      throw NodeErrors.toException(result, "create VM '" + spec.name() + "' on " + host.name());
    }
    applyResult(vm, VmState.DEFINED, result);
    events.vm(vm, host.name(), "CREATED", null, "created on host " + host.name());
    return get(vm.id());
  }

  public VmRecord act(String idOrName, VmAction action) {
    VmRecord vm = get(idOrName);
    HostRecord host = hostOf(vm);
    if (!VmLifecycle.accepts(vm.state(), action)) {
      throw new InventoryException(
          Kind.INVALID_STATE,
          "VM '"
              + vm.name()
              + "' is "
              + vm.state().wireName()
              + " and cannot "
              + action.pathName()
              + "; it accepts: "
              + VmLifecycle.acceptedActions(vm.state()).stream().map(VmAction::pathName).toList());
    }
    CommandResult result =
        call(
            host,
            Command.newBuilder()
                .setAction(
                    VmActionRequest.newBuilder()
                        .setVmId(vm.id())
                        .setAction(WireMapper.toWire(action))));
    if (!result.getOk()) {
      throw NodeErrors.toException(result, action.pathName() + " VM '" + vm.name() + "'");
    }
    applyResult(vm, vm.state(), result);
    events.vm(vm, host.name(), "ACTION", null, action.pathName() + " requested");
    return get(vm.id());
  }

  public void delete(String idOrName, boolean force) {
    VmRecord vm = get(idOrName);
    if (vm.state().consumesResources() && !force) {
      throw new InventoryException(
          Kind.INVALID_STATE,
          "VM '"
              + vm.name()
              + "' is "
              + vm.state().wireName()
              + "; stop it first or delete with force");
    }
    HostRecord host = hostOf(vm);
    CommandResult result =
        call(
            host,
            Command.newBuilder()
                .setAction(
                    VmActionRequest.newBuilder()
                        .setVmId(vm.id())
                        .setAction(WireMapper.toWire(VmAction.DELETE))));
    if (!result.getOk() && result.getError() != org.vimana.rpc.ErrorKind.ERROR_NOT_FOUND) {
      throw NodeErrors.toException(result, "delete VM '" + vm.name() + "'");
    }
    vms.delete(vm.id());
    ledger.invalidate();
    events.vm(vm, host.name(), "DELETED", null, "deleted");
  }

  /** The tail of the VM's serial console, as its host keeps it. */
  public String console(String idOrName, int maxBytes) {
    VmRecord vm = get(idOrName);
    HostRecord host = hostOf(vm);
    CommandResult result =
        call(
            host,
            Command.newBuilder()
                .setConsole(ConsoleRequest.newBuilder().setVmId(vm.id()).setMaxBytes(maxBytes)));
    if (!result.getOk()) {
      throw NodeErrors.toException(result, "read the console of VM '" + vm.name() + "'");
    }
    return result.getConsole();
  }

  public VmRecord setTags(String idOrName, List<String> tags) {
    VmRecord vm = get(idOrName);
    vms.updateTags(vm.id(), tags(tags), clock.instant());
    return get(vm.id());
  }

  /** Applies the node's view after a command, unless an event already moved the VM on. */
  void applyResult(VmRecord vm, VmState before, CommandResult result) {
    if (!result.hasVm()) {
      return;
    }
    VmState reported = WireMapper.fromWire(result.getVm().getState());
    long boots = result.getVm().getBootCount();
    // Compare-and-set: an event may have moved the VM on while the result travelled.
    if (!vms.updateStateIf(vm.id(), before, reported, boots, clock.instant())) {
      vms.updateBootCount(vm.id(), boots);
    }
    if (AllocationLedger.holds(before) != AllocationLedger.holds(reported)) {
      ledger.invalidate();
    }
  }

  CommandResult call(HostRecord host, Command.Builder command) {
    try {
      return nodes.call(host.id(), host.name(), command);
    } catch (NodeCommands.Unreachable e) {
      throw new InventoryException(Kind.HOST_UNAVAILABLE, e.getMessage());
    }
  }

  /** As {@link #call(HostRecord, Command.Builder)}, waiting up to {@code timeout}. */
  CommandResult call(HostRecord host, Command.Builder command, Duration timeout) {
    try {
      return nodes.call(host.id(), host.name(), command, timeout);
    } catch (NodeCommands.Unreachable e) {
      throw new InventoryException(Kind.HOST_UNAVAILABLE, e.getMessage());
    }
  }

  HostRecord hostOf(VmRecord vm) {
    HostRecord host =
        hosts
            .find(vm.hostId())
            .orElseThrow(() -> new InventoryException(Kind.NOT_FOUND, "VM's host is gone"));
    if (!live.up(host.id())) {
      throw new InventoryException(
          Kind.HOST_UNAVAILABLE,
          "host '" + host.name() + "' of VM '" + vm.name() + "' is down; try again when it is up");
    }
    return host;
  }

  private VmSpec spec(CreateVmRequest r) {
    if (r.name() == null) {
      throw new InventoryException(Kind.INVALID, "name is required");
    }
    Optional<Template> t = Optional.empty();
    if (r.template() != null) {
      t =
          Optional.of(
              templates
                  .find(r.template())
                  .orElseThrow(() -> InventoryException.notFound("template", r.template())));
    }
    Integer vcpus = r.vcpus() != null ? r.vcpus() : t.map(Template::vcpus).orElse(null);
    Long memory = r.memoryMib() != null ? r.memoryMib() : t.map(Template::memoryMib).orElse(null);
    long disk = r.diskGib() != null ? r.diskGib() : t.map(Template::diskGib).orElse(0L);
    String image = r.image() != null ? r.image() : t.map(Template::image).orElse("");
    if (vcpus == null || memory == null) {
      throw new InventoryException(
          Kind.INVALID, "vcpus and memoryMib are required when no template is given");
    }
    try {
      return new VmSpec(
          r.name(),
          vcpus,
          memory,
          disk,
          image,
          r.workload() != null ? r.workload() : t.map(Template::workload).orElse(null),
          Map.of());
    } catch (IllegalArgumentException e) {
      throw new InventoryException(Kind.INVALID, e.getMessage());
    }
  }

  private static List<String> tags(List<String> tags) {
    if (tags == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try {
      for (String t : tags) {
        String v = Validation.name("tag", t);
        if (!out.contains(v)) {
          out.add(v);
        }
      }
    } catch (IllegalArgumentException e) {
      throw new InventoryException(Kind.INVALID, e.getMessage());
    }
    return out;
  }

  private HostRecord place(VmSpec spec, String pinned) {
    Map<String, HostAllocation> alloc = ledger.snapshot();
    List<HostRecord> all = hosts.list();
    List<Candidate> candidates = new ArrayList<>();
    for (HostRecord h : all) {
      if (pinned != null && !h.id().equals(pinned) && !h.name().equals(pinned)) {
        continue;
      }
      if (pinned != null && !live.up(h.id())) {
        throw new InventoryException(Kind.HOST_UNAVAILABLE, "host '" + h.name() + "' is down");
      }
      if (pinned != null && h.maintenance()) {
        throw new InventoryException(
            Kind.CONFLICT, "host '" + h.name() + "' is in maintenance and takes no new VMs");
      }
      if (live.up(h.id()) && !h.maintenance()) {
        HostAllocation a = alloc.getOrDefault(h.id(), HostAllocation.none(h.id()));
        candidates.add(
            new Candidate(h.id(), h.name(), h.info().capacity(), a.vcpus(), a.memoryMib()));
      }
    }
    if (pinned != null && candidates.isEmpty()) {
      throw InventoryException.notFound("host", pinned);
    }
    return placement
        .choose(candidates, spec.vcpus(), spec.memoryMib())
        .flatMap(c -> hosts.find(c.hostId()))
        .orElseThrow(() -> noCapacity(spec, candidates));
  }

  private static InventoryException noCapacity(VmSpec spec, List<Candidate> candidates) {
    long largestFree =
        candidates.stream()
            .mapToLong(c -> c.capacity().memoryMib() - c.allocatedMib())
            .max()
            .orElse(0);
    return new InventoryException(
        Kind.NO_CAPACITY,
        "no host can take "
            + spec.vcpus()
            + " vCPUs and "
            + spec.memoryMib()
            + " MiB memory: "
            + (candidates.isEmpty()
                ? "no host is up and out of maintenance"
                : "the most free memory on an up host is " + largestFree + " MiB"));
  }
}
