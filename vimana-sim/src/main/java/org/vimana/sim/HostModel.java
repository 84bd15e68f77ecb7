package org.vimana.sim;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.event.VmEvent;
import org.vimana.core.event.VmEventType;
import org.vimana.core.host.HostInfo;
import org.vimana.core.stats.HostStats;
import org.vimana.core.stats.VmStats;
import org.vimana.core.vm.VmAction;
import org.vimana.core.vm.VmLifecycle;
import org.vimana.core.vm.VmState;
import org.vimana.sim.store.VmRecord;
import org.vimana.sim.store.VmStore;
import org.vimana.sim.time.SimScheduler;

/**
 * The state of one simulated host and the primitive steps every operation is made of: look up and
 * check a VM, persist and apply a new record, fire its event, arm a timed transition, check memory,
 * sample utilisation. Callers hold the model's monitor ({@code synchronized (model)}) for every
 * method here and call {@link EventDispatcher#drain} after releasing it.
 */
final class HostModel {
  /** How long a target keeps memory for a VM whose migration has not started. */
  static final Duration PREPARE_TIMEOUT = Duration.ofMinutes(10);

  /** Hypervisor CPU use on an idle host, and per VM holding resources, in percent of the host. */
  static final double CPU_OVERHEAD_PERCENT = 0.5;

  static final double CPU_OVERHEAD_PERCENT_PER_VM = 0.02;

  /** Hypervisor memory on an idle host, and per VM holding resources (QEMU's own), in MiB. */
  static final long MEMORY_OVERHEAD_MIB = 256;

  static final long MEMORY_OVERHEAD_MIB_PER_VM = 8;

  private static final System.Logger LOG = System.getLogger(HostModel.class.getName());

  final HostInfo info;
  final SimHostOptions options;
  final SimScheduler scheduler;
  final VmStore store;
  final EventDispatcher events = new EventDispatcher();
  final Map<String, SimVm> vms = new LinkedHashMap<>();
  final Map<String, Incoming> incoming = new HashMap<>();
  boolean closed;

  HostModel(HostInfo info, SimHostOptions options, SimScheduler scheduler, VmStore store) {
    this.info = requireNonNull(info);
    this.options = requireNonNull(options);
    this.scheduler = requireNonNull(scheduler);
    this.store = requireNonNull(store);
  }

  String name() {
    return info.name();
  }

  Instant now() {
    return scheduler.now();
  }

  SimVm newVm(VmRecord record, Instant accountedFrom) {
    return new SimVm(record, IoProfile.of(options.seed(), record.id()), accountedFrom);
  }

  void requireOpen() throws HypervisorException {
    if (closed) {
      throw new HypervisorException(Reason.FAILED, "sim host " + name() + " is closed");
    }
  }

  SimVm require(String vmId) throws HypervisorException {
    requireOpen();
    SimVm vm = vms.get(vmId);
    if (vm == null) {
      throw new HypervisorException(
          Reason.NOT_FOUND, "no VM with id '" + vmId + "' on host " + name());
    }
    return vm;
  }

  /** The VM, if its state accepts {@code action}; {@code verb} names the operation for errors. */
  SimVm requireAccepting(String vmId, VmAction action, String verb) throws HypervisorException {
    SimVm vm = require(vmId);
    if (!VmLifecycle.accepts(vm.state(), action)) {
      Set<VmAction> accepted = VmLifecycle.acceptedActions(vm.state());
      String options =
          accepted.isEmpty()
              ? "no action until its state changes"
              : accepted.stream().map(VmAction::pathName).collect(Collectors.joining(", "));
      throw new HypervisorException(
          Reason.INVALID_STATE,
          "cannot "
              + verb
              + " VM '"
              + vm.record().spec().name()
              + "' (id "
              + vmId
              + ") on host "
              + name()
              + ": it is "
              + vm.state().wireName()
              + ", which accepts "
              + options);
    }
    return vm;
  }

  void requireUniqueName(String vmName) throws HypervisorException {
    for (SimVm vm : vms.values()) {
      if (vm.record().spec().name().equals(vmName)) {
        throw new HypervisorException(
            Reason.ALREADY_EXISTS,
            "a VM named '"
                + vmName
                + "' already exists on host "
                + name()
                + " (id "
                + vm.id()
                + ")");
      }
    }
    for (Incoming in : incoming.values()) {
      if (in.vm.spec().name().equals(vmName)) {
        throw new HypervisorException(
            Reason.ALREADY_EXISTS,
            "a VM named '"
                + vmName
                + "' is migrating to host "
                + name()
                + " (id "
                + in.vm.id()
                + ")");
      }
    }
  }

  /** Memory held by VMs that hold resources plus memory reserved for incoming migrations. */
  long committedMemoryMib() {
    long sum = 0;
    for (SimVm vm : vms.values()) {
      if (vm.state().consumesResources()) {
        sum += vm.record().spec().memoryMib();
      }
    }
    for (Incoming in : incoming.values()) {
      sum += in.memoryMib();
    }
    return sum;
  }

  void requireMemory(long neededMib, String what) throws HypervisorException {
    long free = options.memoryMib() - committedMemoryMib();
    if (neededMib > free) {
      throw new HypervisorException(
          Reason.NO_CAPACITY,
          "cannot "
              + what
              + ": it needs "
              + neededMib
              + " MiB of memory but host "
              + name()
              + " has "
              + Math.max(0, free)
              + " MiB free of "
              + options.memoryMib()
              + " MiB");
    }
  }

  /** Writes {@code record} to the state directory; the in-memory state is not touched. */
  void persist(VmRecord record) throws HypervisorException {
    try {
      store.save(record);
    } catch (IOException e) {
      throw new HypervisorException(
          Reason.FAILED,
          "cannot save the state of VM " + record.id() + " on host " + name() + ": " + e,
          e);
    }
  }

  /** Persists a change nobody can be told about (a timer); a failure is logged, not thrown. */
  void persistOrLog(VmRecord record) {
    try {
      persist(record);
    } catch (HypervisorException e) {
      LOG.log(System.Logger.Level.ERROR, e.getMessage(), e);
    }
  }

  void unpersistOrLog(String vmId) {
    try {
      store.delete(vmId);
    } catch (IOException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "cannot delete the state file of VM " + vmId + " on host " + name(),
          e);
    }
  }

  /** Persists, then applies {@code next} to {@code vm} and queues its event. */
  void transition(SimVm vm, VmRecord next, VmEventType type, String message)
      throws HypervisorException {
    persist(next);
    apply(vm, next, type, message);
  }

  /**
   * Applies {@code next} (already persisted), cancelling any pending timer, and queues an event.
   */
  void apply(SimVm vm, VmRecord next, VmEventType type, String message) {
    Instant now = now();
    vm.newEpoch();
    vm.update(next, now);
    event(vm.id(), type, next.state(), message);
  }

  void event(String vmId, VmEventType type, VmState state, String message) {
    events.enqueue(new VmEvent(vmId, type, state, now(), message));
  }

  /** After {@code delay}, moves {@code vm} to {@code to} unless it changed state meanwhile. */
  void after(SimVm vm, Duration delay, VmState to, VmEventType type, String message) {
    long epoch = vm.newEpoch();
    vm.timer(scheduler.schedule(() -> fire(vm, epoch, to, type, message), delay));
  }

  private void fire(SimVm vm, long epoch, VmState to, VmEventType type, String message) {
    synchronized (this) {
      if (closed || vms.get(vm.id()) != vm || !vm.isEpoch(epoch)) {
        return;
      }
      VmRecord next = vm.record().withState(to);
      persistOrLog(next);
      apply(vm, next, type, message);
    }
    events.drain();
  }

  /** One sample of the host and every VM that holds resources on it. */
  HostStats stats() {
    Instant now = now();
    List<VmStats> samples = new ArrayList<>(vms.size());
    double busyVcpus = 0;
    long usedMib = 0;
    for (SimVm vm : vms.values()) {
      if (!vm.state().consumesResources()) {
        continue;
      }
      double cpu = vm.cpuAt(now);
      long mem = vm.memoryUsedMibAt(now);
      samples.add(vm.sample(now, cpu, mem));
      busyVcpus += cpu * vm.record().spec().vcpus();
      usedMib += mem;
    }
    int n = samples.size();
    double cpuPercent =
        busyVcpus / options.cores() * 100 + CPU_OVERHEAD_PERCENT + n * CPU_OVERHEAD_PERCENT_PER_VM;
    usedMib += MEMORY_OVERHEAD_MIB + n * MEMORY_OVERHEAD_MIB_PER_VM;
    return new HostStats(now, Math.min(100, cpuPercent), usedMib, samples);
  }
}
