package org.vimana.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.driver.MigrationOptions;
import org.vimana.core.driver.MigrationProgress;
import org.vimana.core.driver.MigrationResult;
import org.vimana.core.driver.Migrator;
import org.vimana.core.event.VmEventType;
import org.vimana.core.vm.VmAction;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;
import org.vimana.sim.migration.MigrationCostModel;
import org.vimana.sim.migration.MigrationEstimate;
import org.vimana.sim.store.VmRecord;

/**
 * Live migration between the hosts of one {@link SimFabric}. The target reserves memory in {@link
 * #prepareIncoming}; {@link #migrate} puts the VM in MIGRATING on the source for the duration the
 * {@link MigrationCostModel} computes, then hands it over: the target adds it (same id, spec, boot
 * time and count) in the state it had, the source removes it. Locks are never nested: each step
 * takes one host's lock, and a step that finds the world changed backs out.
 */
final class SimMigrator implements Migrator, MigrationPeer {
  private final SimHypervisor self;
  private final SimFabric fabric;

  /** Accepts migrations from other processes; started on the first prepare. */
  private PeerServer peerServer;

  SimMigrator(SimHypervisor self, SimFabric fabric) {
    this.self = requireNonNull(self);
    this.fabric = requireNonNull(fabric);
  }

  private HostModel model() {
    return self.model();
  }

  // ---- target side ----

  @Override
  public String prepareIncoming(VmStatus vm) throws HypervisorException {
    requireNonNull(vm, "vm");
    HostModel m = model();
    synchronized (m) {
      m.requireOpen();
      if (m.vms.containsKey(vm.id())) {
        throw new HypervisorException(
            Reason.ALREADY_EXISTS, "VM " + vm.id() + " is already on host " + m.name());
      }
      Incoming earlier = m.incoming.get(vm.id());
      if (earlier != null && earlier.started()) {
        throw new HypervisorException(
            Reason.INVALID_STATE, "VM " + vm.id() + " is already migrating to host " + m.name());
      }
      if (earlier != null) {
        earlier.drop();
        m.incoming.remove(vm.id());
      }
      m.requireUniqueName(vm.spec().name());
      m.requireMemory(vm.spec().memoryMib(), "receive VM '" + vm.spec().name() + "'");
      Incoming in = new Incoming(vm);
      in.expiry(m.scheduler.schedule(() -> expire(in), HostModel.PREPARE_TIMEOUT));
      m.incoming.put(vm.id(), in);
    }
    return self.uri() + "?peer=" + peerAddress();
  }

  private synchronized String peerAddress() throws HypervisorException {
    if (peerServer == null) {
      try {
        peerServer = PeerServer.start(model().name(), this);
      } catch (java.io.IOException e) {
        throw new HypervisorException(
            Reason.FAILED, "cannot listen for migrations from other processes: " + e, e);
      }
    }
    return peerServer.address();
  }

  /** Stops accepting migrations from other processes (the host is closing). */
  synchronized void closePeer() {
    if (peerServer != null) {
      peerServer.close();
      peerServer = null;
    }
  }

  private void expire(Incoming in) {
    HostModel m = model();
    synchronized (m) {
      if (m.incoming.get(in.vm.id()) == in && !in.started()) {
        m.incoming.remove(in.vm.id());
      }
    }
  }

  @Override
  public void requirePrepared(String vmId) throws HypervisorException {
    HostModel m = model();
    synchronized (m) {
      m.requireOpen();
      Incoming in = m.incoming.get(vmId);
      if (in == null || in.started()) {
        throw new HypervisorException(
            Reason.INVALID_STATE,
            "host "
                + m.name()
                + " is not prepared to receive VM "
                + vmId
                + ": call prepareIncoming on it first");
      }
    }
  }

  @Override
  public void incomingStarted(String vmId, String source) throws HypervisorException {
    HostModel m = model();
    synchronized (m) {
      requirePrepared(vmId);
      m.incoming.get(vmId).markStarted();
      m.event(vmId, VmEventType.MIGRATION_STARTED, VmState.MIGRATING, "migrating from " + source);
    }
    m.events.drain();
  }

  @Override
  public void arrive(VmRecord departed, double busySeconds, String source)
      throws HypervisorException {
    HostModel m = model();
    String id = departed.id();
    synchronized (m) {
      m.requireOpen();
      Incoming in = m.incoming.remove(id);
      if (in == null || !in.started()) {
        throw new HypervisorException(
            Reason.FAILED, "host " + m.name() + " is not expecting VM " + id);
      }
      in.drop();
      VmState state = departed.resumeState();
      VmRecord arrived =
          new VmRecord(
              id,
              departed.spec(),
              state,
              departed.bootCount(),
              departed.poweredOnAt(),
              VmState.RUNNING);
      m.persist(arrived);
      SimVm vm = m.newVm(arrived, m.now());
      vm.restoreBusySeconds(busySeconds);
      m.vms.put(id, vm);
      m.event(id, VmEventType.MIGRATED, state, "migrated from " + source);
    }
    m.events.drain();
  }

  @Override
  public void release(String vmId, String why) {
    HostModel m = model();
    synchronized (m) {
      Incoming in = m.incoming.remove(vmId);
      if (in == null) {
        return;
      }
      in.drop();
      if (in.started()) {
        m.event(vmId, VmEventType.MIGRATION_FAILED, VmState.MIGRATING, why);
      }
    }
    m.events.drain();
  }

  // ---- source side ----

  @Override
  public CompletionStage<MigrationResult> migrate(
      String vmId, String targetUri, MigrationOptions options) throws HypervisorException {
    requireNonNull(vmId, "vmId");
    requireNonNull(options, "options");
    MigrationPeer target = resolve(targetUri);
    if (target == this) {
      throw new HypervisorException(
          Reason.INVALID_STATE, "VM " + vmId + " is already on host " + model().name());
    }
    target.requirePrepared(vmId);
    OutgoingMigration job = begin(vmId, target, targetUri, options);
    try {
      target.incomingStarted(vmId, model().name());
    } catch (HypervisorException e) {
      abort(job, "migration failed: " + e.getMessage(), false);
      job.result.completeExceptionally(e);
      throw e;
    }
    return job.result;
  }

  /**
   * The target a {@code sim://NAME[?peer=HOST:PORT]} URI names: a host of this process's fabric if
   * it is one, else the peer in another process.
   */
  private MigrationPeer resolve(String targetUri) throws HypervisorException {
    if (targetUri == null || !targetUri.startsWith(SimFabric.SCHEME)) {
      throw new HypervisorException(
          Reason.UNSUPPORTED,
          "the sim driver migrates only to " + SimFabric.SCHEME + " URIs, got '" + targetUri + "'");
    }
    Optional<SimHypervisor> local = fabric.resolve(targetUri);
    if (local.isPresent()) {
      return local.get().simMigrator();
    }
    String rest = targetUri.substring(SimFabric.SCHEME.length());
    int q = rest.indexOf("?peer=");
    if (q < 0) {
      throw new HypervisorException(
          Reason.UNSUPPORTED,
          targetUri + " is not a host of this process and names no peer address (?peer=HOST:PORT)");
    }
    String name = rest.substring(0, q);
    String address = rest.substring(q + "?peer=".length());
    int colon = address.lastIndexOf(':');
    try {
      return new RemotePeer(
          address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)), name);
    } catch (RuntimeException e) {
      throw new HypervisorException(
          Reason.UNSUPPORTED, "bad peer address '" + address + "' in " + targetUri);
    }
  }

  private OutgoingMigration begin(
      String vmId, MigrationPeer target, String targetUri, MigrationOptions options)
      throws HypervisorException {
    HostModel m = model();
    OutgoingMigration job;
    synchronized (m) {
      SimVm vm = m.requireAccepting(vmId, VmAction.MIGRATE, "migrate");
      MigrationEstimate estimate =
          costModel(vm.state(), options).estimate(vm.record().spec().memoryMib());
      job = new OutgoingMigration(vmId, target, targetUri, estimate, m.now());
      m.transition(
          vm, vm.record().migrating(), VmEventType.MIGRATION_STARTED, "migrating to " + targetUri);
      vm.migration(job);
      OutgoingMigration started = job;
      job.timer(m.scheduler.schedule(() -> complete(started), estimate.total()));
    }
    m.events.drain();
    return job;
  }

  /** The cost model for a VM in {@code state}: a paused guest dirties no memory. */
  MigrationCostModel costModel(VmState state, MigrationOptions options) {
    SimHostOptions o = model().options;
    double bandwidth = o.migrationBandwidthMibPerSecond();
    if (options.bandwidthMibPerSecond() > 0) {
      bandwidth = Math.min(bandwidth, (double) options.bandwidthMibPerSecond());
    }
    double dirty = state == VmState.RUNNING ? o.dirtyRate() : 0;
    return new MigrationCostModel(bandwidth, dirty, Duration.ofMillis(options.maxDowntimeMillis()));
  }

  private void complete(OutgoingMigration job) {
    HostModel m = model();
    VmRecord departing;
    double busySeconds;
    synchronized (m) {
      SimVm vm = m.vms.get(job.vmId);
      if (m.closed || vm == null || vm.migration() != job) {
        return;
      }
      job.markSwitchingOver();
      departing = vm.record();
      busySeconds = vm.busySecondsAt(m.now());
    }
    try {
      job.target.arrive(departing, busySeconds, m.name());
    } catch (HypervisorException e) {
      abort(job, "migration failed: " + e.getMessage(), true);
      job.target.release(job.vmId, "migration failed: " + e.getMessage());
      job.result.completeExceptionally(e);
      return;
    }
    synchronized (m) {
      SimVm vm = m.vms.get(job.vmId);
      if (vm != null && vm.migration() == job) {
        vm.migration(null);
        vm.newEpoch();
        m.vms.remove(job.vmId);
        m.unpersistOrLog(job.vmId);
        m.event(
            job.vmId,
            VmEventType.MIGRATED,
            departing.resumeState(),
            "migrated to " + job.targetUri);
      }
    }
    m.events.drain();
    job.result.complete(job.toResult());
  }

  /**
   * Puts the VM back in the state it migrated from; false if the migration is no longer the VM's
   * (finished or aborted) or is not in the expected phase.
   */
  private boolean abort(OutgoingMigration job, String message, boolean duringSwitchOver) {
    HostModel m = model();
    synchronized (m) {
      SimVm vm = m.vms.get(job.vmId);
      if (vm == null || vm.migration() != job || job.switchingOver() != duringSwitchOver) {
        return false;
      }
      job.stopTimer();
      vm.migration(null);
      VmRecord back = vm.record().withState(vm.record().resumeState());
      m.persistOrLog(back);
      m.apply(vm, back, VmEventType.MIGRATION_FAILED, message);
    }
    m.events.drain();
    return true;
  }

  @Override
  public Optional<MigrationProgress> progress(String vmId) throws HypervisorException {
    HostModel m = model();
    synchronized (m) {
      OutgoingMigration job = m.require(vmId).migration();
      return job == null ? Optional.empty() : Optional.of(job.progressAt(m.now()));
    }
  }

  @Override
  public void cancel(String vmId) throws HypervisorException {
    HostModel m = model();
    OutgoingMigration job;
    synchronized (m) {
      SimVm vm = m.require(vmId);
      job = vm.migration();
      if (job == null) {
        throw new HypervisorException(
            Reason.INVALID_STATE,
            "VM "
                + vmId
                + " on host "
                + m.name()
                + " is not migrating (it is "
                + vm.state().wireName()
                + ")");
      }
    }
    String why = "migration to " + job.targetUri + " cancelled";
    if (!abort(job, why, false)) {
      throw new HypervisorException(
          Reason.INVALID_STATE,
          "the migration of VM "
              + vmId
              + " to "
              + job.targetUri
              + " is switching over or finished and can no longer be cancelled");
    }
    job.target.release(vmId, why);
    job.result.completeExceptionally(
        new CancellationException(
            "migration of VM " + vmId + " to " + job.targetUri + " cancelled"));
  }

  /** Fails every outgoing migration not yet switching over (the host is closing). */
  void abortAll(String why) {
    HostModel m = model();
    List<OutgoingMigration> aborted = new ArrayList<>();
    synchronized (m) {
      for (SimVm vm : m.vms.values()) {
        OutgoingMigration job = vm.migration();
        if (job != null && !job.switchingOver()) {
          job.stopTimer();
          vm.migration(null);
          aborted.add(job);
        }
      }
    }
    for (OutgoingMigration job : aborted) {
      job.target.release(job.vmId, why);
      job.result.completeExceptionally(new HypervisorException(Reason.FAILED, why));
    }
  }
}
