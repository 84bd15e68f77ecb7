package org.vimana.driver.libvirt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.driver.Migrator;
import org.vimana.core.driver.Snapshots;
import org.vimana.core.event.VmEvent;
import org.vimana.core.host.HostInfo;
import org.vimana.core.stats.HostStats;
import org.vimana.core.vm.VmAction;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;
import org.vimana.driver.libvirt.connection.LibvirtConnection;
import org.vimana.driver.libvirt.event.EventBridge;
import org.vimana.driver.libvirt.stats.StatsConnect;
import org.vimana.driver.libvirt.stats.StatsSampler;
import org.vimana.driver.libvirt.xml.DomainDescription;
import org.vimana.driver.libvirt.xml.DomainPlan;
import org.vimana.driver.libvirt.xml.DomainXml;

/**
 * A {@link Hypervisor} on one libvirt URI. The VM id is the domain UUID and the VM's spec is kept
 * in the domain's metadata, so a node that restarts finds its VMs and their specs again. The
 * connection outlives libvirtd restarts ({@link LibvirtConnection}); on each reconnection {@link
 * Reattach} subscribes to the events again and reports the state changes missed meanwhile.
 */
public final class LibvirtHypervisor implements Hypervisor {
  private static final int UNDEFINE_SNAPSHOTS_METADATA = 2;

  private final LibvirtOptions options;
  private final LibvirtConnection connection;
  private final HostInfo host;
  private final Domains domains;
  private final EventBridge events;
  private final ImageCatalog images;
  private final OverlayStore overlays;
  private final StatsSampler sampler;
  private final LibvirtSnapshots snapshots;
  private final LibvirtMigrator migrator;

  private LibvirtHypervisor(
      String hostName, LibvirtOptions options, LibvirtConnection connection, Clock clock)
      throws LibvirtException, HypervisorException {
    this.options = options;
    this.connection = connection;
    this.host = HostDescription.of(hostName, options, connection.get());
    this.images = new ImageCatalog(options.imageDir());
    this.overlays = new OverlayStore(connection, options.pool(), options.diskDir());
    this.sampler = new StatsSampler(clock);
    this.domains = new Domains(connection);
    this.snapshots = new LibvirtSnapshots(domains);
    this.events = new EventBridge(clock, domains::stateOf);
    this.events.addListener(domains::track);
    this.events.attach(connection.get());
    this.migrator = new LibvirtMigrator(options, domains, events);
    domains.adoptRunning();
    connection.addListener(new Reattach(domains, events));
  }

  /**
   * Connects to {@code options.uri()} and starts receiving its events; from then on the driver
   * survives libvirtd going away and coming back (see {@link LibvirtConnection}).
   *
   * @throws HypervisorException FAILED when libvirt cannot be reached now
   */
  public static LibvirtHypervisor open(String hostName, LibvirtOptions options, Clock clock)
      throws HypervisorException {
    LibvirtConnection connection;
    try {
      connection = LibvirtConnection.open(options.uri(), clock);
    } catch (LibvirtException e) {
      throw cannotConnect(options, e);
    }
    try {
      return new LibvirtHypervisor(hostName, options, connection, clock);
    } catch (LibvirtException e) {
      connection.close();
      throw cannotConnect(options, e);
    } catch (HypervisorException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private static HypervisorException cannotConnect(LibvirtOptions options, LibvirtException e) {
    return new HypervisorException(
        Reason.FAILED, "cannot connect to libvirt at " + options.uri() + ": " + e.getMessage(), e);
  }

  /** Whether the driver is connected to its libvirtd right now. */
  public boolean connected() {
    return connection.connected();
  }

  @Override
  public HostInfo host() {
    return host;
  }

  @Override
  public List<VmStatus> list() throws HypervisorException {
    return domains.list();
  }

  @Override
  public Optional<VmStatus> find(String vmId) throws HypervisorException {
    return domains.find(vmId);
  }

  @Override
  public VmStatus define(String vmId, VmSpec spec) throws HypervisorException {
    UUID uuid = parseId(vmId);
    if (domains.lookup(vmId).isPresent()) {
      throw new HypervisorException(Reason.ALREADY_EXISTS, "VM " + vmId + " is already defined");
    }
    if (domains.lookupByName(spec.name()).isPresent()) {
      throw new HypervisorException(
          Reason.ALREADY_EXISTS, "a domain named '" + spec.name() + "' already exists");
    }
    Optional<ImageCatalog.Image> image =
        spec.imageName().isPresent() ? Optional.of(images.resolve(spec.image())) : Optional.empty();
    try {
      DomainXml.validate(spec, image.flatMap(ImageCatalog.Image::kernel).isPresent());
    } catch (IllegalArgumentException e) {
      throw new HypervisorException(
          Reason.UNSUPPORTED, "cannot define VM " + vmId + ": " + e.getMessage());
    }
    createStateDirs();
    Optional<Path> disk = Optional.empty();
    if (image.isPresent() && image.get().baseDisk().isPresent()) {
      disk = Optional.of(overlays.create(vmId, image.get().baseDisk().get(), spec.diskGib()));
    }
    DomainPlan plan =
        new DomainPlan(
            uuid,
            spec,
            options.domainType(),
            image.flatMap(ImageCatalog.Image::kernel),
            disk,
            options.stateDir().resolve(vmId + ".console.log"),
            options.stateDir().resolve(vmId + ".agent.sock"));
    try {
      connection.get().domainDefineXML(DomainXml.build(plan));
    } catch (LibvirtException e) {
      deleteOverlay(disk);
      throw Errors.map(connection, "cannot define VM " + vmId, e);
    } catch (HypervisorException e) {
      deleteOverlay(disk);
      throw e;
    }
    domains.defined(vmId, spec);
    return new VmStatus(vmId, spec, VmState.DEFINED, 0);
  }

  @Override
  public void start(String vmId) throws HypervisorException {
    Domain d = domains.require(vmId, VmAction.START);
    call("start", vmId, d::create);
    domains.started(vmId);
  }

  @Override
  public void shutdown(String vmId) throws HypervisorException {
    call("shut down", vmId, domains.require(vmId, VmAction.SHUTDOWN)::shutdown);
  }

  @Override
  public void reboot(String vmId) throws HypervisorException {
    Domain d = domains.require(vmId, VmAction.REBOOT);
    call("reboot", vmId, () -> d.reboot(0));
  }

  @Override
  public void destroy(String vmId) throws HypervisorException {
    call("destroy", vmId, domains.require(vmId, VmAction.FORCE_STOP)::destroy);
  }

  @Override
  public void suspend(String vmId) throws HypervisorException {
    call("suspend", vmId, domains.require(vmId, VmAction.SUSPEND)::suspend);
  }

  @Override
  public void resume(String vmId) throws HypervisorException {
    call("resume", vmId, domains.require(vmId, VmAction.RESUME)::resume);
  }

  @Override
  public void undefine(String vmId) throws HypervisorException {
    Domain d = domains.require(vmId, VmAction.DELETE);
    DomainDescription desc = Domains.describe(vmId, d);
    call(
        "undefine",
        vmId,
        () -> {
          if (d.snapshotNum() > 0) {
            d.undefine(UNDEFINE_SNAPSHOTS_METADATA);
          } else {
            d.undefine();
          }
        });
    domains.forget(vmId);
    if (desc.disk().isPresent()) {
      overlays.deleteIfOurs(desc.disk().get());
    }
    if (!"test".equals(options.domainType())) {
      deleteQuietly(options.stateDir().resolve(vmId + ".console.log"));
    }
  }

  @Override
  public HostStats stats() throws HypervisorException {
    StatsConnect c = connection.get();
    try {
      long now = System.nanoTime();
      boolean detailed = sampler.detailDue();
      List<StatsConnect.DomainRecord> records = c.allDomainStats(detailed);
      Map<String, Long> cpu;
      try {
        cpu = c.nodeCpuTimes();
      } catch (StatsConnect.StatsException e) {
        cpu = Map.of(); // some drivers (test, xen) lack node CPU stats
      }
      NodeInfo node = c.nodeInfo();
      long usedMib = Math.max(0, node.memory / 1024 - c.getFreeMemory() / (1024 * 1024));
      return sampler.sample(now, records, detailed, cpu, usedMib);
    } catch (StatsConnect.StatsException e) {
      throw connection.lostNow()
          ? connection.unreachable()
          : new HypervisorException(Reason.FAILED, e.getMessage(), e);
    } catch (LibvirtException e) {
      throw Errors.map(connection, "cannot read host stats", e);
    }
  }

  @Override
  public void addListener(Consumer<VmEvent> listener) {
    events.addListener(listener);
  }

  @Override
  public Optional<Migrator> migrator() {
    return Optional.of(migrator);
  }

  /** Snapshots of this host's VMs. */
  @Override
  public Optional<Snapshots> snapshots() {
    return Optional.of(snapshots);
  }

  /** The last {@code maxBytes} bytes of the VM's serial console log ("" before the first boot). */
  @Override
  public String consoleLog(String vmId, int maxBytes) throws HypervisorException {
    Optional<Path> log = Domains.describe(vmId, domains.domain(vmId)).consoleLog();
    return log.isPresent() ? ConsoleLogs.tail(log.get(), maxBytes) : "";
  }

  /** The host side of the VM's guest agent channel ({@code org.vimana.agent.0}). */
  @Override
  public Optional<Path> agentSocket(String vmId) throws HypervisorException {
    return Domains.describe(vmId, domains.domain(vmId)).agentSocket();
  }

  @Override
  public void close() {
    migrator.close();
    events.close();
    connection.close();
  }

  private void createStateDirs() throws HypervisorException {
    if ("test".equals(options.domainType()) || !options.local()) {
      return;
    }
    try {
      Files.createDirectories(options.stateDir());
      Files.createDirectories(options.diskDir());
    } catch (IOException e) {
      throw new HypervisorException(Reason.FAILED, "cannot create " + options.stateDir(), e);
    }
  }

  private static UUID parseId(String vmId) {
    try {
      return UUID.fromString(vmId);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("vmId '" + vmId + "' is not a UUID", e);
    }
  }

  private interface LibvirtCall {
    void run() throws LibvirtException;
  }

  private void call(String what, String vmId, LibvirtCall c) throws HypervisorException {
    try {
      c.run();
    } catch (LibvirtException e) {
      throw Errors.map(connection, "cannot " + what + " VM " + vmId, e);
    }
  }

  private void deleteOverlay(Optional<Path> disk) throws HypervisorException {
    if (disk.isPresent()) {
      overlays.deleteIfOurs(disk.get());
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a leftover console log is harmless
    }
  }
}
