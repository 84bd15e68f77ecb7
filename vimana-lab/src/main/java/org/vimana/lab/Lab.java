package org.vimana.lab;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vimana.core.template.Template;
import org.vimana.core.workload.Workload;

/**
 * A running lab: the guest image built, {@code hosts} libvirtds started. {@link #close} stops
 * exactly the hosts it started. Files the guests use (disk overlays, console logs, agent sockets)
 * are under one work directory that every host sees, which is the shared storage live migration
 * needs.
 */
public final class Lab implements AutoCloseable {
  /** The image name the guest image is registered under, as build-guest-image.sh names it. */
  public static final String IMAGE = "vimana-busybox";

  /**
   * The watchdog variant of the guest image (build-guest-image.sh with {@code
   * VIMANA_IMAGE_VARIANT=watchdog}): Debian's generic kernel, which has the i6300esb driver the
   * default image's cloud kernel lacks; no guest agent. See {@link #buildWatchdogImage}.
   */
  public static final String WATCHDOG_IMAGE = "vimana-busybox-watchdog";

  /**
   * The kernel parameter (for the {@code kernel.cmdline.append} label) that makes the guest's init
   * arm the watchdog at boot and never feed it, so that it fires a few seconds later.
   */
  public static final String WATCHDOG_TEST_FLAG = "vimana.watchdog_test";

  /** First incoming migration port of a lab's first host; each host gets 8 from here on. */
  private static final int MIGRATION_PORTS = 49300;

  private final LabScripts scripts;
  private final Path work;
  private final Path imageDir;
  private final List<LabHost> hosts;

  private Lab(LabScripts scripts, Path work, Path imageDir, List<LabHost> hosts) {
    this.scripts = scripts;
    this.work = work;
    this.imageDir = imageDir;
    this.hosts = List.copyOf(hosts);
  }

  /**
   * Installs what is missing (apt-get), builds the guest image (cached) and starts {@code count}
   * hosts named {@code prefix-1..count}. {@code cache} keeps images and host state between runs;
   * {@code work} holds this lab's disks and logs.
   */
  public static Lab start(Path cache, Path work, String prefix, int count)
      throws IOException, InterruptedException {
    if (count < 1 || count > 8) {
      throw new IllegalArgumentException("a lab has 1 to 8 hosts, not " + count);
    }
    Files.createDirectories(cache);
    Files.createDirectories(work);
    LabScripts scripts = LabScripts.extract(cache);
    scripts.run("install-lab-deps.sh");
    LabAgent.stage(cache);
    Path image = Path.of(scripts.run("build-guest-image.sh"));
    List<LabHost> started = new ArrayList<>();
    try {
      for (int i = 1; i <= count; i++) {
        String name = prefix + "-" + i;
        claim(scripts, cache, name);
        // Each host its own range of incoming migration ports: the hosts share one network
        // namespace, and two libvirtds handing out the same port fail the later migration.
        String uri =
            scripts.run(
                "lab-host.sh",
                "start",
                name,
                Integer.toString(freePort()),
                Integer.toString(MIGRATION_PORTS + 8 * (i - 1)));
        started.add(new LabHost(name, uri));
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      new Lab(scripts, work, image.getParent(), started).close();
      throw e;
    }
    return new Lab(scripts, work, image.getParent(), started);
  }

  /**
   * Builds the {@link #WATCHDOG_IMAGE} variant next to the default image (cached like it: 10-16 s
   * the first time, a 70 MB kernel download, then a stamp check) and returns its image name.
   */
  public String buildWatchdogImage() throws IOException, InterruptedException {
    Path dir =
        Path.of(scripts.run(Map.of("VIMANA_IMAGE_VARIANT", "watchdog"), "build-guest-image.sh"));
    if (!dir.equals(imageDir.resolve(WATCHDOG_IMAGE))) {
      throw new IOException(
          "build-guest-image.sh built " + dir + ", not " + imageDir.resolve(WATCHDOG_IMAGE));
    }
    return WATCHDOG_IMAGE;
  }

  public List<LabHost> hosts() {
    return hosts;
  }

  /** The libvirt driver options a node on {@code host} needs. */
  public Map<String, String> driverOptions(LabHost host) {
    return Map.of(
        "uri",
        host.uri(),
        "domain-type",
        "qemu",
        "image-dir",
        imageDir.toString(),
        "disk-dir",
        work.resolve("disks").toString(),
        // Per host, as on real machines: a migrated VM's console log and agent socket move to
        // the target's directory (sharing one path, the exiting source QEMU would unlink the
        // socket the target QEMU has just bound).
        "state-dir",
        work.resolve("vms").resolve(host.name()).toString(),
        "pool",
        "vimana-lab-disks",
        // One machine, one file system: libvirt cannot tell it is shared, so say it is safe.
        "migrate-unsafe",
        "true",
        "migration-target-uri",
        host.uri() + "#tcp://127.0.0.1");
  }

  /**
   * SIGKILLs {@code host}'s libvirtd, as a crash would: its virtlogd, its guests and its mount
   * namespace stay. Returns once the process is gone.
   */
  public void killLibvirtd(LabHost host) throws IOException, InterruptedException {
    scripts.run("lab-host.sh", "kill", own(host).name());
  }

  /**
   * Starts {@code host}'s libvirtd again inside the mount namespace it had, so that it re-attaches
   * to the guests still running there; returns once it answers on the host's URI.
   */
  public void restartLibvirtd(LabHost host) throws IOException, InterruptedException {
    String uri = scripts.run("lab-host.sh", "restart", own(host).name());
    if (!uri.equals(host.uri())) {
      throw new IOException(
          "libvirtd of " + host.name() + " came back on " + uri + ", not on " + host.uri());
    }
  }

  private LabHost own(LabHost host) {
    if (!hosts.contains(host)) {
      throw new IllegalArgumentException(
          "host " + host.name() + " is not one of this lab's " + hosts);
    }
    return host;
  }

  /**
   * The lab guest as a template: 1 vCPU, 128 MiB (the guest sees 92 MiB of it; the guest agent
   * takes 27-41 MB of it, see vimana-lab/README.md), the console counter and the guest agent.
   */
  public static Template template() {
    return new Template(
        "lab",
        "busybox guest with the Vimana guest agent, printing vimana-counter N every second",
        1,
        128,
        1,
        IMAGE,
        new Workload.Constant(0.05, 0.3));
  }

  /**
   * Makes sure host {@code name} starts fresh: a running one belongs to another lab, so we refuse;
   * a stopped one's state (domain definitions of an earlier run) is removed.
   */
  private static void claim(LabScripts scripts, Path cache, String name)
      throws IOException, InterruptedException {
    Path dir = cache.resolve("hosts").resolve(name);
    if (!Files.exists(dir)) {
      return;
    }
    boolean running;
    try {
      scripts.run("lab-host.sh", "status", name);
      running = true;
    } catch (IOException e) {
      running = false;
    }
    if (running) {
      throw new IOException(
          "lab host " + name + " is already running (another lab?); stop it first");
    }
    deleteTree(dir);
  }

  private static void deleteTree(Path root) throws IOException {
    try (var all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Stops the hosts and removes their state, so that no definition outlives the lab. */
  @Override
  public void close() {
    for (LabHost h : hosts) {
      try {
        scripts.run("lab-host.sh", "stop", h.name());
        deleteTree(scripts.cache().resolve("hosts").resolve(h.name()));
      } catch (IOException | RuntimeException e) {
        System.err.println("lab: cannot stop host " + h.name() + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
