package org.vimana.driver.libvirt;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The libvirt driver's options, as the node passes them to {@link LibvirtHypervisorProvider#open}.
 * Every option has a default; unknown or malformed ones are refused with a message that names them.
 *
 * @param uri libvirt connection URI ({@code uri}, default {@code qemu:///system})
 * @param imageDir where images live ({@code image-dir}, default /var/lib/vimana/images); see {@link
 *     ImageCatalog} for the layout
 * @param diskDir directory of the storage pool holding the VMs' overlay disks ({@code disk-dir},
 *     default /var/lib/vimana/disks)
 * @param pool name of that libvirt storage pool ({@code pool}, default vimana-disks); created as a
 *     transient dir pool when the host does not have it
 * @param stateDir console logs and guest agent sockets ({@code state-dir}, default
 *     /var/lib/vimana/vms)
 * @param domainType libvirt domain type ({@code domain-type}: qemu, kvm, xen or test); the default
 *     follows the URI: test for test://, xen for xen://, kvm where the local CPU has vmx/svm and
 *     /dev/kvm exists, else qemu (TCG)
 * @param migrationTargetUri what {@link LibvirtMigrator#prepareIncoming} hands to sources ({@code
 *     migration-target-uri}, default the connection URI): a libvirt URI the source's libvirtd can
 *     reach, optionally followed by {@code #} and the hypervisor's migration URI
 *     (qemu+tcp://10.0.0.2/system#tcp://10.0.0.2)
 * @param migrateUnsafe {@code migrate-unsafe} (true|false, default false): adds VIR_MIGRATE_UNSAFE,
 *     for disks on storage that is shared but that libvirt cannot recognise as shared (the lab's
 *     hosts share one local file system)
 */
public record LibvirtOptions(
    String uri,
    Path imageDir,
    Path diskDir,
    String pool,
    Path stateDir,
    String domainType,
    String migrationTargetUri,
    boolean migrateUnsafe) {

  private static final Set<String> KNOWN =
      Set.of(
          "uri",
          "image-dir",
          "disk-dir",
          "pool",
          "state-dir",
          "domain-type",
          "migration-target-uri",
          "migrate-unsafe");
  private static final Set<String> DOMAIN_TYPES = Set.of("qemu", "kvm", "xen", "test");

  /**
   * Parses options; unknown keys and bad values are refused.
   *
   * @throws IllegalArgumentException naming the option
   */
  public static LibvirtOptions parse(Map<String, String> options) {
    Map<String, String> o = new HashMap<>(options);
    Set<String> unknown = new TreeSet<>(o.keySet());
    unknown.removeAll(KNOWN);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown libvirt option(s) " + unknown + "; known: " + new TreeSet<>(KNOWN));
    }
    String uri = o.getOrDefault("uri", "qemu:///system").trim();
    String scheme = scheme(uri);
    String type =
        Optional.ofNullable(o.get("domain-type"))
            .map(t -> t.trim().toLowerCase(Locale.ROOT))
            .orElseGet(() -> defaultDomainType(scheme));
    if (!DOMAIN_TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "domain-type '" + type + "' is invalid; use one of " + new TreeSet<>(DOMAIN_TYPES));
    }
    String pool = o.getOrDefault("pool", "vimana-disks");
    if (!pool.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
      throw new IllegalArgumentException("pool '" + pool + "' is not a valid pool name");
    }
    String target = o.getOrDefault("migration-target-uri", uri).trim();
    scheme(target.contains("#") ? target.substring(0, target.indexOf('#')) : target);
    Path stateDir = path(o, "state-dir", "/var/lib/vimana/vms");
    checkSocketRoom(stateDir);
    return new LibvirtOptions(
        uri,
        path(o, "image-dir", "/var/lib/vimana/images"),
        path(o, "disk-dir", "/var/lib/vimana/disks"),
        pool,
        stateDir,
        type,
        target,
        bool(o, "migrate-unsafe"));
  }

  /**
   * Whether libvirt runs on this machine (no host, or a loopback one), so that the state and disk
   * directories are ours to create and read.
   */
  public boolean local() {
    String host = URI.create(uri).getHost();
    return host == null
        || host.isEmpty()
        || host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]");
  }

  /** Longest unix socket path (sun_path holds 108 bytes with the terminating NUL). */
  static final int MAX_SOCKET_PATH = 107;

  /** The longest name the driver gives a file in the state directory: UUID + ".agent.sock". */
  private static final int LONGEST_STATE_FILE = 36 + ".agent.sock".length();

  /**
   * Refuses a state directory too long for the agent sockets placed in it: QEMU and the node would
   * only fail later, per VM, with "path too long" (seen with a deep temporary directory).
   */
  static void checkSocketRoom(Path stateDir) {
    int length =
        stateDir.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
            + 1
            + LONGEST_STATE_FILE;
    if (length > MAX_SOCKET_PATH) {
      throw new IllegalArgumentException(
          "state-dir '"
              + stateDir
              + "' is too long: its guest agent sockets would have "
              + length
              + "-byte paths, a unix socket path has at most "
              + MAX_SOCKET_PATH
              + " (use a directory of at most "
              + (MAX_SOCKET_PATH - 1 - LONGEST_STATE_FILE)
              + " bytes)");
    }
  }

  private static boolean bool(Map<String, String> o, String key) {
    String v = o.getOrDefault(key, "false").trim().toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    }
    return v.equals("true");
  }

  private static Path path(Map<String, String> o, String key, String fallback) {
    String v = o.getOrDefault(key, fallback).trim();
    if (v.isEmpty() || !v.startsWith("/")) {
      throw new IllegalArgumentException(key + " must be an absolute path, got '" + v + "'");
    }
    return Path.of(v);
  }

  private static String scheme(String uri) {
    try {
      URI u = new URI(uri);
      if (u.getScheme() == null) {
        throw new IllegalArgumentException("uri '" + uri + "' has no scheme (e.g. qemu:///system)");
      }
      return u.getScheme().toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("uri '" + uri + "' is malformed: " + e.getMessage(), e);
    }
  }

  private static String defaultDomainType(String scheme) {
    String driver = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
    switch (driver) {
      case "test":
        return "test";
      case "xen":
        return "xen";
      default:
        return !scheme.contains("+") && localKvmUsable() ? "kvm" : "qemu";
    }
  }

  /** KVM works only with hardware virtualisation: /dev/kvm alone is not enough (LAB-NOTES). */
  static boolean localKvmUsable() {
    if (!Files.exists(Path.of("/dev/kvm"))) {
      return false;
    }
    try {
      String cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
      return cpuinfo.matches("(?s).*\\bflags\\s*:[^\\n]*\\b(vmx|svm)\\b.*");
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
