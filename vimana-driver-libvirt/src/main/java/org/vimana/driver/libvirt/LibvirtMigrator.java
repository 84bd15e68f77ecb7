package org.vimana.driver.libvirt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.libvirt.Domain;
import org.libvirt.DomainJobStats;
import org.libvirt.LibvirtException;
import org.libvirt.TypedParameter;
import org.libvirt.TypedStringParameter;
import org.libvirt.TypedUlongParameter;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.driver.MigrationOptions;
import org.vimana.core.driver.MigrationProgress;
import org.vimana.core.driver.MigrationResult;
import org.vimana.core.driver.Migrator;
import org.vimana.core.event.VmEventType;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;
import org.vimana.driver.libvirt.event.EventBridge;
import org.vimana.driver.libvirt.xml.Relocation;

/**
 * Live migration with libvirt's peer-to-peer protocol ({@code VIR_MIGRATE_LIVE | PEER2PEER |
 * PERSIST_DEST}): the source libvirtd talks to the target's directly, so the node only needs the
 * target's libvirt URI. Disks are expected on shared storage (the lab's hosts share one file
 * system). The downtime and transferred bytes come from the completed job's statistics ({@code
 * virDomainGetJobStats(COMPLETED)} on the source domain, read before the source definition is
 * removed); the total time is measured around the call.
 */
public final class LibvirtMigrator implements Migrator, AutoCloseable {
  private static final long LIVE = 1;
  private static final long PEER2PEER = 2;
  private static final long PERSIST_DEST = 8;
  private static final long UNSAFE = 512;
  private static final int JOB_STATS_COMPLETED = 1;
  private static final int XML_INACTIVE = 2;
  private static final int XML_MIGRATABLE = 8;

  private final LibvirtOptions options;
  private final LibvirtSnapshots.DomainLookup domains;
  private final EventBridge events;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "libvirt-migration");
            t.setDaemon(true);
            return t;
          });

  LibvirtMigrator(
      LibvirtOptions options, LibvirtSnapshots.DomainLookup domains, EventBridge events) {
    this.options = options;
    this.domains = domains;
    this.events = events;
  }

  /**
   * A target needs the VM's storage and a listening libvirtd: checks that this host sees the VM's
   * image and its overlay disk at the paths the source uses (shared storage; no disk copy yet),
   * then hands out its URI.
   */
  @Override
  public String prepareIncoming(VmStatus vm) throws HypervisorException {
    requireStorage(vm);
    try {
      // The VM's console log and agent socket will be here: the first VM on a host may arrive.
      Files.createDirectories(options.stateDir());
    } catch (IOException e) {
      throw new HypervisorException(
          Reason.FAILED, "cannot create the state directory " + options.stateDir(), e);
    }
    IncomingTarget here = IncomingTarget.parse(options.migrationTargetUri());
    return new IncomingTarget(here.libvirtUri(), here.migrationUri(), options.stateDir()).encode();
  }

  private void requireStorage(VmStatus vm) throws HypervisorException {
    if (vm.spec().imageName().isEmpty()) {
      return; // a domain made outside Vimana: libvirt checks its disks itself
    }
    ImageCatalog.Image image;
    try {
      image = new ImageCatalog(options.imageDir()).resolve(vm.spec().image());
    } catch (HypervisorException e) {
      throw new HypervisorException(
          Reason.INVALID_STATE,
          "this host cannot receive VM '" + vm.spec().name() + "': " + e.getMessage());
    }
    Path overlay = options.diskDir().resolve(vm.id() + ".qcow2");
    if (image.baseDisk().isPresent() && !Files.isRegularFile(overlay)) {
      throw new HypervisorException(
          Reason.INVALID_STATE,
          "this host does not see the disk of VM '"
              + vm.spec().name()
              + "' at "
              + overlay
              + ": live migration needs storage shared by both hosts");
    }
  }

  @Override
  public CompletionStage<MigrationResult> migrate(
      String vmId, String targetUri, MigrationOptions migration) throws HypervisorException {
    Domain d = domains.domain(vmId);
    IncomingTarget target;
    try {
      target = IncomingTarget.parse(targetUri);
    } catch (IllegalArgumentException e) {
      throw new HypervisorException(Reason.FAILED, "bad migration target: " + e.getMessage(), e);
    }
    try {
      if (d.isActive() != 1) {
        throw new HypervisorException(Reason.INVALID_STATE, "VM " + vmId + " is not running");
      }
    } catch (LibvirtException e) {
      throw Errors.map("cannot migrate " + vmId, e);
    }
    events.emit(
        vmId, VmEventType.MIGRATION_STARTED, VmState.MIGRATING, "to " + target.libvirtUri());
    return CompletableFuture.supplyAsync(() -> run(d, vmId, target, migration), executor);
  }

  private MigrationResult run(
      Domain d, String vmId, IncomingTarget target, MigrationOptions migration) {
    String libvirtUri = target.libvirtUri();
    boolean relocate = target.stateDir() != null && !target.stateDir().equals(options.stateDir());
    long t0 = System.nanoTime();
    try {
      d.migrateSetMaxDowntime(migration.maxDowntimeMillis());
      long flags = LIVE | PEER2PEER | PERSIST_DEST | (options.migrateUnsafe() ? UNSAFE : 0);
      if (relocate) {
        d.migrateToURI(libvirtUri, relocatedParameters(d, target, migration), (int) flags);
      } else {
        d.migrateToURI(
            libvirtUri,
            target.migrationUri(),
            null,
            flags,
            null,
            migration.bandwidthMibPerSecond());
      }
      long total = (System.nanoTime() - t0) / 1_000_000;
      Map<String, Long> job = jobStats(d, JOB_STATS_COMPLETED);
      d.undefine(d.snapshotNum() > 0 ? 2 : 0);
      if (relocate) {
        deleteQuietly(options.stateDir().resolve(vmId + ".console.log"));
      }
      MigrationResult result =
          new MigrationResult(
              total,
              job.getOrDefault("downtime", -1L),
              job.getOrDefault("memory_processed", 0L) >> 20);
      events.emit(vmId, VmEventType.MIGRATED, VmState.RUNNING, "to " + libvirtUri + ": " + result);
      return result;
    } catch (LibvirtException e) {
      events.emit(vmId, VmEventType.MIGRATION_FAILED, VmState.RUNNING, e.getMessage());
      throw new java.util.concurrent.CompletionException(
          Errors.map("migration of " + vmId + " to " + libvirtUri + " failed", e));
    }
  }

  /**
   * virDomainMigrateToURI3's parameters that put the VM's console log and agent socket in the
   * target's state directory, in its running definition and in the persistent one (which libvirt
   * would otherwise copy from the source as it is).
   */
  private TypedParameter[] relocatedParameters(
      Domain d, IncomingTarget target, MigrationOptions migration) throws LibvirtException {
    List<TypedParameter> p = new ArrayList<>();
    if (target.migrationUri() != null) {
      p.add(new TypedStringParameter("migrate_uri", target.migrationUri()));
    }
    p.add(
        new TypedStringParameter(
            "destination_xml",
            Relocation.relocate(
                d.getXMLDesc(XML_MIGRATABLE), options.stateDir(), target.stateDir())));
    p.add(
        new TypedStringParameter(
            "persistent_xml",
            Relocation.relocate(
                d.getXMLDesc(XML_INACTIVE | XML_MIGRATABLE),
                options.stateDir(),
                target.stateDir())));
    if (migration.bandwidthMibPerSecond() > 0) {
      p.add(new TypedUlongParameter("bandwidth", migration.bandwidthMibPerSecond()));
    }
    return p.toArray(new TypedParameter[0]);
  }

  /**
   * The current job's counters, or the completed one's with {@link #JOB_STATS_COMPLETED} (downtime
   * in ms, time_elapsed in ms, data_* and memory_* in bytes); empty when there is none.
   */
  private static Map<String, Long> jobStats(Domain d, int flags) {
    try {
      DomainJobStats stats = d.getJobStats(flags);
      Map<String, Long> out = new java.util.HashMap<>();
      for (TypedParameter p : stats.stats) {
        try {
          out.put(p.field, Long.parseLong(p.getValueAsString()));
        } catch (NumberFormatException e) {
          // not a counter
        }
      }
      return out;
    } catch (LibvirtException e) {
      return Map.of();
    }
  }

  @Override
  public Optional<MigrationProgress> progress(String vmId) throws HypervisorException {
    Map<String, Long> job = jobStats(domains.domain(vmId), 0);
    if (!job.containsKey("data_total")) {
      return Optional.empty();
    }
    return Optional.of(
        new MigrationProgress(
            job.getOrDefault("time_elapsed", 0L),
            job.get("data_total") >> 20,
            job.getOrDefault("data_processed", 0L) >> 20,
            job.getOrDefault("data_remaining", 0L) >> 20));
  }

  @Override
  public void cancel(String vmId) throws HypervisorException {
    try {
      domains.domain(vmId).abortJob();
    } catch (LibvirtException e) {
      throw Errors.map("cannot cancel the migration of " + vmId, e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover console log of a VM that moved away is harmless
    }
  }
}
