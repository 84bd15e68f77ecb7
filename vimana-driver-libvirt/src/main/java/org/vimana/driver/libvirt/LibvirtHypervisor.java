package org.vimana.driver.libvirt;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.HypervisorException.Reason;
import org.vimana.core.driver.Migrator;
import org.vimana.core.driver.Snapshots;
import org.vimana.core.event.VmEvent;
import org.vimana.core.host.HostCapacity;
import org.vimana.core.host.HostInfo;
import org.vimana.core.stats.HostStats;
import org.vimana.core.vm.VmAction;
import org.vimana.core.vm.VmLifecycle;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmState;
import org.vimana.core.vm.VmStatus;
import org.vimana.driver.libvirt.event.EventBridge;
import org.vimana.driver.libvirt.event.EventLoop;
import org.vimana.driver.libvirt.stats.StatsConnect;
import org.vimana.driver.libvirt.stats.StatsSampler;
import org.vimana.driver.libvirt.xml.DomainDescription;
import org.vimana.driver.libvirt.xml.DomainPlan;
import org.vimana.driver.libvirt.xml.DomainXml;

/**
 * A {@link Hypervisor} on one libvirt connection. The VM id is the domain UUID and the VM's spec is
 * kept in the domain's metadata, so a node that restarts finds its VMs and their specs again.
 */
public final class LibvirtHypervisor implements Hypervisor {
  private static final int UNDEFINE_SNAPSHOTS_METADATA = 2;

  private final LibvirtOptions options;
  private final StatsConnect connect;
  private final HostInfo host;
  private final EventBridge events;
  private final ImageCatalog images;
  private final OverlayStore overlays;
  private final StatsSampler sampler;
  private final LibvirtSnapshots snapshots;
  private final LibvirtMigrator migrator;
  private final Map<String, VmSpec> specs = new ConcurrentHashMap<>();
  private final Set<String> everStarted = ConcurrentHashMap.newKeySet();

  private LibvirtHypervisor(
      String hostName, LibvirtOptions options, StatsConnect connect, Clock clock)
      throws LibvirtException, HypervisorException {
    this.options = options;
    this.connect = connect;
    this.host = describeHost(hostName, options, connect);
    this.images = new ImageCatalog(options.imageDir());
    this.overlays = new OverlayStore(connect, options.pool(), options.diskDir());
    this.sampler = new StatsSampler(clock);
    this.snapshots = new LibvirtSnapshots(this::domain);
    this.events = new EventBridge(connect, clock, this::stateOf);
    this.events.addListener(this::track);
    this.migrator = new LibvirtMigrator(options, this::domain, events);
    for (Domain d : connect.listAllDomains(0)) {
      if (d.isActive() == 1) {
        everStarted.add(d.getUUIDString());
      }
    }
  }

  /**
   * Connects to {@code options.uri()} and starts receiving its events.
   *
   * @throws HypervisorException FAILED when libvirt cannot be reached
   */
  public static LibvirtHypervisor open(String hostName, LibvirtOptions options, Clock clock)
      throws HypervisorException {
    StatsConnect connect = null;
    try {
      EventLoop.ensureStarted();
      connect = new StatsConnect(options.uri());
      return new LibvirtHypervisor(hostName, options, connect, clock);
    } catch (LibvirtException e) {
      closeQuietly(connect);
      throw new HypervisorException(
          Reason.FAILED,
          "cannot connect to libvirt at " + options.uri() + ": " + e.getMessage(),
          e);
    } catch (HypervisorException | RuntimeException e) {
      closeQuietly(connect);
      throw e;
    }
  }

  @Override
  public HostInfo host() {
    return host;
  }

  @Override
  public List<VmStatus> list() throws HypervisorException {
    try {
      List<VmStatus> out = new ArrayList<>();
      for (Domain d : connect.listAllDomains(0)) {
        status(d).ifPresent(out::add);
      }
      return out;
    } catch (LibvirtException e) {
      throw Errors.map("cannot list domains", e);
    }
  }

  @Override
  public Optional<VmStatus> find(String vmId) throws HypervisorException {
    Optional<Domain> d = lookup(vmId);
    return d.isPresent() ? status(d.get()) : Optional.empty();
  }

  @Override
  public VmStatus define(String vmId, VmSpec spec) throws HypervisorException {
    UUID uuid = parseId(vmId);
    if (lookup(vmId).isPresent()) {
      throw new HypervisorException(Reason.ALREADY_EXISTS, "VM " + vmId + " is already defined");
    }
    if (lookupByName(spec.name()).isPresent()) {
      throw new HypervisorException(
          Reason.ALREADY_EXISTS, "a domain named '" + spec.name() + "' already exists");
    }
    Optional<ImageCatalog.Image> image =
        spec.imageName().isPresent() ? Optional.of(images.resolve(spec.image())) : Optional.empty();
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
      connect.domainDefineXML(DomainXml.build(plan));
    } catch (LibvirtException e) {
      if (disk.isPresent()) {
        overlays.deleteIfOurs(disk.get());
      }
      throw Errors.map("cannot define VM " + vmId, e);
    }
    specs.put(vmId, spec);
    return new VmStatus(vmId, spec, VmState.DEFINED, 0);
  }

  @Override
  public void start(String vmId) throws HypervisorException {
    Domain d = require(vmId, VmAction.START);
    call("start", vmId, d::create);
    everStarted.add(vmId);
  }

  @Override
  public void shutdown(String vmId) throws HypervisorException {
    call("shut down", vmId, require(vmId, VmAction.SHUTDOWN)::shutdown);
  }

  @Override
  public void reboot(String vmId) throws HypervisorException {
    Domain d = require(vmId, VmAction.REBOOT);
    call("reboot", vmId, () -> d.reboot(0));
  }

  @Override
  public void destroy(String vmId) throws HypervisorException {
    call("destroy", vmId, require(vmId, VmAction.FORCE_STOP)::destroy);
  }

  @Override
  public void suspend(String vmId) throws HypervisorException {
    call("suspend", vmId, require(vmId, VmAction.SUSPEND)::suspend);
  }

  @Override
  public void resume(String vmId) throws HypervisorException {
    call("resume", vmId, require(vmId, VmAction.RESUME)::resume);
  }

  @Override
  public void undefine(String vmId) throws HypervisorException {
    Domain d = require(vmId, VmAction.DELETE);
    DomainDescription desc = describe(vmId, d);
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
    specs.remove(vmId);
    everStarted.remove(vmId);
    if (desc.disk().isPresent()) {
      overlays.deleteIfOurs(desc.disk().get());
    }
    if (!"test".equals(options.domainType())) {
      deleteQuietly(options.stateDir().resolve(vmId + ".console.log"));
    }
  }

  @Override
  public HostStats stats() throws HypervisorException {
    try {
      long now = System.nanoTime();
      List<StatsConnect.DomainRecord> records = connect.allDomainStats();
      Map<String, Long> cpu;
      try {
        cpu = connect.nodeCpuTimes();
      } catch (StatsConnect.StatsException e) {
        cpu = Map.of(); // some drivers (test, xen) lack node CPU stats
      }
      NodeInfo node = connect.nodeInfo();
      long usedMib = Math.max(0, node.memory / 1024 - connect.getFreeMemory() / (1024 * 1024));
      return sampler.sample(now, records, cpu, usedMib);
    } catch (StatsConnect.StatsException e) {
      throw new HypervisorException(Reason.FAILED, e.getMessage(), e);
    } catch (LibvirtException e) {
      throw Errors.map("cannot read host stats", e);
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
    Optional<Path> log = describe(vmId, domain(vmId)).consoleLog();
    if (log.isEmpty() || !Files.isRegularFile(log.get())) {
      return "";
    }
    try (RandomAccessFile f = new RandomAccessFile(log.get().toFile(), "r")) {
      long start = Math.max(0, f.length() - Math.max(0, maxBytes));
      byte[] buf = new byte[(int) (f.length() - start)];
      f.seek(start);
      f.readFully(buf);
      return new String(buf, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HypervisorException(Reason.FAILED, "cannot read console log " + log.get(), e);
    }
  }

  /** The host side of the VM's guest agent channel ({@code org.vimana.agent.0}). */
  public Optional<Path> agentSocket(String vmId) throws HypervisorException {
    return describe(vmId, domain(vmId)).agentSocket();
  }

  @Override
  public void close() {
    migrator.close();
    events.close();
    closeQuietly(connect);
  }

  Domain domain(String vmId) throws HypervisorException {
    return lookup(vmId)
        .orElseThrow(() -> new HypervisorException(Reason.NOT_FOUND, "no VM " + vmId + " here"));
  }

  private Optional<Domain> lookup(String vmId) throws HypervisorException {
    try {
      UUID.fromString(vmId);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(connect.domainLookupByUUIDString(vmId));
    } catch (LibvirtException e) {
      if (e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_NO_DOMAIN) {
        return Optional.empty();
      }
      throw Errors.map("cannot look up VM " + vmId, e);
    }
  }

  private Optional<Domain> lookupByName(String name) throws HypervisorException {
    try {
      return Optional.of(connect.domainLookupByName(name));
    } catch (LibvirtException e) {
      if (e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_NO_DOMAIN) {
        return Optional.empty();
      }
      throw Errors.map("cannot look up domain " + name, e);
    }
  }

  private Domain require(String vmId, VmAction action) throws HypervisorException {
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

  private VmState stateOf(Domain d) {
    try {
      return States.vmState(d.getInfo().state, everStarted.contains(d.getUUIDString()));
    } catch (LibvirtException e) {
      return VmState.STOPPED; // the domain went away while we looked (undefined or migrated)
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
      return Optional.of(
          new VmStatus(id, spec.get(), States.vmState(info.state, started), started ? 1 : 0));
    } catch (LibvirtException e) {
      if (e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_NO_DOMAIN) {
        return Optional.empty();
      }
      throw Errors.map("cannot read domain", e);
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

  private static DomainDescription describe(String vmId, Domain d) throws HypervisorException {
    try {
      return DomainDescription.parse(d.getXMLDesc(0));
    } catch (LibvirtException e) {
      throw Errors.map("cannot read the definition of " + vmId, e);
    } catch (IllegalArgumentException e) {
      throw new HypervisorException(
          Reason.FAILED, "bad definition of " + vmId + ": " + e.getMessage(), e);
    }
  }

  private void track(VmEvent event) {
    if (event.state().consumesResources()) {
      everStarted.add(event.vmId());
    }
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

  private static void call(String what, String vmId, LibvirtCall c) throws HypervisorException {
    try {
      c.run();
    } catch (LibvirtException e) {
      throw Errors.map("cannot " + what + " VM " + vmId, e);
    }
  }

  private static HostInfo describeHost(String hostName, LibvirtOptions options, StatsConnect c)
      throws LibvirtException {
    NodeInfo node = c.nodeInfo();
    String hypervisor =
        c.getType() + " " + version(c.getVersion()) + " via libvirt " + version(c.getLibVersion());
    long diskGib = 0;
    if (options.local() && Files.isDirectory(options.diskDir())) {
      try {
        diskGib = Files.getFileStore(options.diskDir()).getTotalSpace() >> 30;
      } catch (IOException e) {
        diskGib = 0;
      }
    }
    HostCapacity capacity =
        new HostCapacity(
            Math.max(1, node.cpus),
            Math.max(1, node.mhz),
            Math.max(1, node.memory / 1024),
            diskGib);
    return new HostInfo(hostName, "libvirt", hypervisor, capacity, node.model);
  }

  private static String version(long v) {
    return (v / 1_000_000) + "." + (v / 1000 % 1000) + "." + (v % 1000);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a leftover console log is harmless
    }
  }

  private static void closeQuietly(StatsConnect c) {
    if (c != null) {
      try {
        c.close();
      } catch (LibvirtException e) {
        // closing a broken connection: nothing left to release
      }
    }
  }
}
