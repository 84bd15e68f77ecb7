package org.vimana.manager.migration;

import static org.vimana.manager.inventory.InventoryException.Kind;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.vimana.api.model.MigrateRequest;
import org.vimana.core.driver.MigrationProgress;
import org.vimana.core.vm.MigrationState;
import org.vimana.manager.inventory.AllocationLedger;
import org.vimana.manager.inventory.EventLog;
import org.vimana.manager.inventory.InventoryException;
import org.vimana.manager.inventory.MovingVms;
import org.vimana.manager.node.LiveHosts;
import org.vimana.manager.node.MigrationReports;
import org.vimana.manager.node.NodeCommands;
import org.vimana.manager.placement.Placement;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.HostStore;
import org.vimana.manager.store.MigrationRecord;
import org.vimana.manager.store.MigrationStore;
import org.vimana.manager.store.VmRecord;
import org.vimana.manager.store.VmStore;

/**
 * Live migrations as operators ask for them: {@link #start} checks, records and launches one and
 * answers at once; the run goes on in the background ({@link MigrationRun}) and ends in the store
 * and the VM's history. At most {@link #perHostLimit} migrations touch a host at a time.
 */
public final class MigrationService implements MigrationReports {
  static final long DEFAULT_MAX_DOWNTIME_MS = 300;
  static final long DEFAULT_TIMEOUT_S = 300;

  private final VmStore vms;
  private final HostStore hosts;
  private final MigrationStore store;
  private final MigrationChecks checks;
  private final MigrationRun.Deps deps;
  private final AllocationLedger ledger;
  private final MovingVms moving;
  private final EventLog events;
  private final Clock clock;
  private final ExecutorService runner;
  private final int perHostLimit;
  private final Map<String, MigrationRun> running = new ConcurrentHashMap<>();
  private final Map<String, MigrationProgress> progress = new ConcurrentHashMap<>();

  public MigrationService(
      VmStore vms,
      HostStore hosts,
      MigrationStore store,
      LiveHosts live,
      Placement placement,
      NodeCommands nodes,
      AllocationLedger ledger,
      MovingVms moving,
      EventLog events,
      Clock clock,
      ExecutorService runner,
      int perHostLimit) {
    this.vms = vms;
    this.hosts = hosts;
    this.store = store;
    this.checks = new MigrationChecks(live, ledger, placement);
    this.ledger = ledger;
    this.moving = moving;
    this.events = events;
    this.clock = clock;
    this.runner = runner;
    this.perHostLimit = perHostLimit;
    this.deps =
        new MigrationRun.Deps(vms, store, nodes, ledger, moving, events, clock, this::ended);
  }

  /** Checks and starts a migration of {@code vmIdOrName}; returns it as it begins. */
  public MigrationRecord start(String vmIdOrName, MigrateRequest r) {
    if (r == null || r.to() == null || r.to().isBlank()) {
      throw new InventoryException(Kind.INVALID, "to is required (the target host's name or id)");
    }
    long maxDowntime = positive("maxDowntimeMs", r.maxDowntimeMs(), DEFAULT_MAX_DOWNTIME_MS);
    long timeout = positive("timeoutSeconds", r.timeoutSeconds(), DEFAULT_TIMEOUT_S);
    long bandwidth = r.bandwidthMibPerSecond() == null ? 0 : r.bandwidthMibPerSecond();
    if (bandwidth < 0) {
      throw new InventoryException(
          Kind.INVALID, "bandwidthMibPerSecond must not be negative, got " + bandwidth);
    }
    VmRecord vm =
        vms.find(vmIdOrName)
            .orElseThrow(
                () -> new InventoryException(Kind.NOT_FOUND, "no VM '" + vmIdOrName + "'"));
    HostRecord source = host(vm.hostId());
    HostRecord target =
        hosts
            .find(r.to())
            .orElseThrow(() -> new InventoryException(Kind.NOT_FOUND, "no host '" + r.to() + "'"));
    MigrationRecord m;
    synchronized (this) {
      if (moving.of(vm.id()).isPresent()) {
        throw new InventoryException(Kind.CONFLICT, "VM '" + vm.name() + "' is already migrating");
      }
      requireSlot(source);
      requireSlot(target);
      checks.check(vm, source, target);
      m =
          new MigrationRecord(
              UUID.randomUUID().toString(),
              vm.id(),
              vm.name(),
              source.id(),
              target.id(),
              MigrationState.PREPARING,
              maxDowntime,
              bandwidth,
              clock.instant(),
              null,
              null,
              null,
              null,
              "preparing host " + target.name());
      moving.begin(vm.id(), new MovingVms.Move(m.id(), source.id(), target.id()));
      ledger.incoming(vm.id(), target.id(), vm.spec().vcpus(), vm.spec().memoryMib());
    }
    store.insert(m);
    events.vm(
        vm,
        source.name(),
        "MIGRATION_REQUESTED",
        vm.state(),
        "to host " + target.name() + ", max downtime " + maxDowntime + " ms");
    MigrationRun run = new MigrationRun(deps, m, vm, source, target, Duration.ofSeconds(timeout));
    running.put(m.id(), run);
    String uri = run.prepare();
    if (uri == null) {
      MigrationRecord ended = run.record();
      throw new InventoryException(
          ended.message().contains("could not prepare") ? Kind.HOST_UNAVAILABLE : Kind.CONFLICT,
          ended.message());
    }
    try {
      runner.execute(() -> run.send(uri));
    } catch (RejectedExecutionException e) {
      run.abandon("the manager is shutting down");
    }
    return get(m.id());
  }

  /** Asks a running migration to stop; the VM stays on its source. */
  public MigrationRecord cancel(String id) {
    MigrationRecord m = get(id);
    MigrationRun run = running.get(id);
    if (m.state().ended() || run == null) {
      throw new InventoryException(
          Kind.INVALID_STATE, "migration " + id + " has ended (" + m.state().wireName() + ")");
    }
    run.cancel();
    return get(id);
  }

  public MigrationRecord get(String id) {
    return store
        .find(id)
        .orElseThrow(() -> new InventoryException(Kind.NOT_FOUND, "no migration '" + id + "'"));
  }

  public List<MigrationRecord> recent(String vmIdOrName, int limit) {
    String vmId = null;
    if (vmIdOrName != null) {
      vmId =
          vms.find(vmIdOrName)
              .map(VmRecord::id)
              .orElseThrow(
                  () -> new InventoryException(Kind.NOT_FOUND, "no VM '" + vmIdOrName + "'"));
    }
    return store.recent(vmId, limit);
  }

  public Optional<MigrationProgress> progress(String migrationId) {
    return Optional.ofNullable(progress.get(migrationId));
  }

  @Override
  public void progress(String hostId, String migrationId, MigrationProgress p) {
    MigrationRun run = running.get(migrationId);
    if (run != null && run.source().id().equals(hostId)) {
      progress.put(migrationId, p);
    }
  }

  private void ended(MigrationRecord m) {
    running.remove(m.id());
    progress.remove(m.id());
  }

  private void requireSlot(HostRecord host) {
    long busy =
        running.values().stream()
            .filter(r -> r.source().id().equals(host.id()) || r.target().id().equals(host.id()))
            .count();
    if (busy >= perHostLimit) {
      throw new InventoryException(
          Kind.CONFLICT,
          "host '"
              + host.name()
              + "' already takes part in "
              + busy
              + " migrations (the limit is "
              + perHostLimit
              + "); try again when one has ended");
    }
  }

  private HostRecord host(String id) {
    return hosts
        .find(id)
        .orElseThrow(() -> new InventoryException(Kind.NOT_FOUND, "no host '" + id + "'"));
  }

  private static long positive(String field, Long value, long fallback) {
    if (value == null) {
      return fallback;
    }
    if (value <= 0) {
      throw new InventoryException(Kind.INVALID, field + " must be positive, got " + value);
    }
    return value;
  }
}
