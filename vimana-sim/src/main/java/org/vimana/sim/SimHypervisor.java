package org.vimana.sim;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.driver.Migrator;
import org.vimana.core.driver.Snapshots;
import org.vimana.core.event.VmEvent;
import org.vimana.core.event.VmEventType;
import org.vimana.core.host.HostInfo;
import org.vimana.core.stats.HostStats;
import org.vimana.core.vm.VmAction;
import org.vimana.core.vm.VmLifecycle;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;
import org.vimana.sim.store.VmRecord;
import org.vimana.sim.store.VmStore;
import org.vimana.sim.time.RealTimeScheduler;
import org.vimana.sim.time.SimScheduler;

/**
 * One simulated host. VMs follow the core state machine ({@link org.vimana.core.vm.VmLifecycle});
 * timed transitions (boot, graceful shutdown, reboot, migration) run on the host's {@link
 * SimScheduler} and are reported as {@link VmEvent}s; utilisation follows each VM's workload at
 * scheduler time; with a state directory every change is persisted and a new instance on the same
 * directory re-adopts the VMs, which "kept running" meanwhile.
 *
 * <p>Thread-safe: one lock per host; events are delivered outside it, in order.
 */
public final class SimHypervisor implements Hypervisor {
  /** The driver name, as in {@link HostInfo#driver()}. */
  public static final String DRIVER = "sim";

  private final HostModel model;
  private final SimFabric fabric;
  private final SimMigrator migrator;
  private final SimSnapshots snapshots = new SimSnapshots(this);
  private final RealTimeScheduler ownedScheduler;

  private SimHypervisor(HostModel model, SimFabric fabric, RealTimeScheduler ownedScheduler) {
    this.model = model;
    this.fabric = fabric;
    this.ownedScheduler = ownedScheduler;
    this.migrator = new SimMigrator(this, fabric);
  }

  /**
   * A host on {@code scheduler}, reachable for migration by the other hosts of {@code fabric}. The
   * scheduler stays the caller's: {@link #close()} does not close it.
   *
   * @throws HypervisorException FAILED if the state directory cannot be read (the message names a
   *     corrupt file)
   */
  public static SimHypervisor create(
      String hostName, SimHostOptions options, SimScheduler scheduler, SimFabric fabric)
      throws HypervisorException {
    return create(hostName, options, scheduler, fabric, null);
  }

  /** A host on {@code scheduler} with a fabric of its own (it can migrate to nobody). */
  public static SimHypervisor create(
      String hostName, SimHostOptions options, SimScheduler scheduler) throws HypervisorException {
    return create(hostName, options, scheduler, new SimFabric());
  }

  /**
   * A host in real time, as the {@code sim} driver opens it: its own timer thread (closed with the
   * host) and the process-wide {@link SimFabric#shared()} fabric.
   *
   * @throws IllegalArgumentException naming an unknown or malformed option
   */
  public static SimHypervisor open(String hostName, Map<String, String> options)
      throws HypervisorException {
    SimHostOptions parsed = SimHostOptions.parse(options);
    RealTimeScheduler scheduler = new RealTimeScheduler();
    try {
      return create(hostName, parsed, scheduler, SimFabric.shared(), scheduler);
    } catch (HypervisorException | RuntimeException e) {
      scheduler.close();
      throw e;
    }
  }

  private static SimHypervisor create(
      String hostName,
      SimHostOptions options,
      SimScheduler scheduler,
      SimFabric fabric,
      RealTimeScheduler ownedScheduler)
      throws HypervisorException {
    HostInfo info =
        new HostInfo(hostName, DRIVER, "sim 1.0", options.capacity(), options.cpuModel());
    VmStore store = openStore(hostName, options);
    HostModel model = new HostModel(info, options, requireNonNull(scheduler), store);
    Adoption.adopt(model);
    SimHypervisor h = new SimHypervisor(model, requireNonNull(fabric), ownedScheduler);
    fabric.register(h);
    return h;
  }

  private static VmStore openStore(String hostName, SimHostOptions options)
      throws HypervisorException {
    if (options.stateDir().isEmpty()) {
      return VmStore.none();
    }
    try {
      return VmStore.directory(options.stateDir().get());
    } catch (IOException e) {
      throw new HypervisorException(
          Reason.FAILED,
          "cannot open the state directory "
              + options.stateDir().get()
              + " of sim host "
              + hostName
              + ": "
              + e,
          e);
    }
  }

  HostModel model() {
    return model;
  }

  SimMigrator simMigrator() {
    return migrator;
  }

  /** The URI other hosts of the fabric migrate to: {@code sim://<hostname>}. */
  public String uri() {
    return SimFabric.uriOf(model.name());
  }

  public SimHostOptions options() {
    return model.options;
  }

  public SimScheduler scheduler() {
    return model.scheduler;
  }

  public SimFabric fabric() {
    return fabric;
  }

  @Override
  public HostInfo host() {
    return model.info;
  }

  @Override
  public List<VmStatus> list() throws HypervisorException {
    synchronized (model) {
      model.requireOpen();
      List<VmStatus> out = new ArrayList<>(model.vms.size());
      for (SimVm vm : model.vms.values()) {
        out.add(vm.record().status());
      }
      return out;
    }
  }

  @Override
  public Optional<VmStatus> find(String vmId) throws HypervisorException {
    synchronized (model) {
      model.requireOpen();
      SimVm vm = model.vms.get(vmId);
      return vm == null ? Optional.empty() : Optional.of(vm.record().status());
    }
  }

  @Override
  public VmStatus define(String vmId, VmSpec spec) throws HypervisorException {
    if (vmId == null || vmId.isBlank()) {
      throw new IllegalArgumentException("vmId is required");
    }
    requireNonNull(spec, "spec");
    VmRecord record;
    synchronized (model) {
      model.requireOpen();
      if (model.vms.containsKey(vmId) || model.incoming.containsKey(vmId)) {
        throw new HypervisorException(
            Reason.ALREADY_EXISTS,
            "a VM with id '" + vmId + "' already exists on host " + model.name());
      }
      model.requireUniqueName(spec.name());
      record = VmRecord.defined(vmId, spec, model.now());
      model.persist(record);
      model.vms.put(vmId, model.newVm(record, model.now()));
      model.event(vmId, VmEventType.DEFINED, VmState.DEFINED, "defined");
    }
    model.events.drain();
    return record.status();
  }

  @Override
  public void start(String vmId) throws HypervisorException {
    synchronized (model) {
      SimVm vm = model.requireAccepting(vmId, VmAction.START, "start");
      model.requireMemory(
          vm.record().spec().memoryMib(), "start VM '" + vm.record().spec().name() + "'");
      powerOn(vm, "starting", VmEventType.STARTED, "running");
      vm.resetCounters(model.now());
    }
    model.events.drain();
  }

  @Override
  public void reboot(String vmId) throws HypervisorException {
    synchronized (model) {
      SimVm vm = model.requireAccepting(vmId, VmAction.REBOOT, "reboot");
      powerOn(vm, "rebooting", VmEventType.REBOOTED, "rebooted");
    }
    model.events.drain();
  }

  private void powerOn(SimVm vm, String message, VmEventType doneType, String doneMessage)
      throws HypervisorException {
    model.transition(vm, vm.record().poweredOn(model.now()), VmEventType.STATE_CHANGED, message);
    model.after(vm, model.options.bootTime(), VmState.RUNNING, doneType, doneMessage);
  }

  @Override
  public void shutdown(String vmId) throws HypervisorException {
    synchronized (model) {
      SimVm vm = model.requireAccepting(vmId, VmAction.SHUTDOWN, "shut down");
      model.transition(
          vm,
          vm.record().withState(VmState.SHUTTING_DOWN),
          VmEventType.SHUTDOWN,
          "guest shutting down");
      model.after(
          vm, model.options.shutdownTime(), VmState.STOPPED, VmEventType.STOPPED, "shut down");
    }
    model.events.drain();
  }

  @Override
  public void destroy(String vmId) throws HypervisorException {
    simple(vmId, VmAction.FORCE_STOP, "destroy", VmEventType.STOPPED, "powered off");
  }

  @Override
  public void suspend(String vmId) throws HypervisorException {
    simple(vmId, VmAction.SUSPEND, "suspend", VmEventType.SUSPENDED, "paused");
  }

  @Override
  public void resume(String vmId) throws HypervisorException {
    simple(vmId, VmAction.RESUME, "resume", VmEventType.RESUMED, "resumed");
  }

  /** An action whose target state (from the lifecycle table) is reached at once. */
  private void simple(String vmId, VmAction action, String verb, VmEventType type, String message)
      throws HypervisorException {
    synchronized (model) {
      SimVm vm = model.requireAccepting(vmId, action, verb);
      VmState to = VmLifecycle.apply(vm.state(), action).orElseThrow();
      model.transition(vm, vm.record().withState(to), type, message);
    }
    model.events.drain();
  }

  @Override
  public void undefine(String vmId) throws HypervisorException {
    synchronized (model) {
      SimVm vm = model.requireAccepting(vmId, VmAction.DELETE, "undefine");
      try {
        model.store.delete(vmId);
      } catch (IOException e) {
        throw new HypervisorException(
            Reason.FAILED, "cannot delete the state of VM " + vmId + ": " + e, e);
      }
      vm.newEpoch();
      model.vms.remove(vmId);
      model.event(vmId, VmEventType.UNDEFINED, vm.state(), "undefined");
    }
    snapshots.forget(vmId);
    model.events.drain();
  }

  /**
   * Fault injection: the guest crashes (a kernel panic, a QEMU abort). Allowed while the VM is
   * starting, running, paused or shutting down.
   */
  public void crash(String vmId, String reason) throws HypervisorException {
    synchronized (model) {
      SimVm vm = model.require(vmId);
      VmState s = vm.state();
      if (!s.consumesResources() || s == VmState.MIGRATING) {
        throw new HypervisorException(
            Reason.INVALID_STATE,
            "cannot crash VM " + vmId + " on host " + model.name() + ": it is " + s.wireName());
      }
      model.transition(vm, vm.record().withState(VmState.CRASHED), VmEventType.CRASHED, reason);
    }
    model.events.drain();
  }

  @Override
  public HostStats stats() throws HypervisorException {
    synchronized (model) {
      model.requireOpen();
      return model.stats();
    }
  }

  @Override
  public void addListener(Consumer<VmEvent> listener) {
    model.events.addListener(listener);
  }

  @Override
  public Optional<Migrator> migrator() {
    return Optional.of(migrator);
  }

  @Override
  public Optional<Snapshots> snapshots() {
    return Optional.of(snapshots);
  }

  /**
   * Stops this host's timers and leaves its fabric. VMs keep their persisted state (a VM that was
   * starting or migrating is settled when the directory is opened again); outgoing migrations fail.
   * Idempotent.
   */
  @Override
  public void close() {
    synchronized (model) {
      if (model.closed) {
        return;
      }
      model.closed = true;
      for (SimVm vm : model.vms.values()) {
        vm.newEpoch();
      }
      model.incoming.values().forEach(Incoming::drop);
      model.incoming.clear();
    }
    migrator.abortAll("source host " + model.name() + " was closed");
    migrator.closePeer();
    fabric.unregister(this);
    if (ownedScheduler != null) {
      ownedScheduler.close();
    }
  }

  @Override
  public String toString() {
    return "SimHypervisor[" + model.name() + "]";
  }
}
