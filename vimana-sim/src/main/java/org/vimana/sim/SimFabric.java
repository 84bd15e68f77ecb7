package org.vimana.sim;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The simulated hosts of one process that can migrate VMs to each other, by host name. The
 * simulator and benchmarks make one per scenario; hosts the {@code sim} driver opens join the
 * process-wide {@link #shared()} fabric. A host registering under a name already taken replaces the
 * earlier one (as a restarted node daemon takes over its host); closing a host removes it.
 */
public final class SimFabric {
  /** Scheme of the migration URIs sim hosts hand out: {@code sim://<hostname>}. */
  public static final String SCHEME = "sim://";

  private static final SimFabric SHARED = new SimFabric();

  private final ConcurrentMap<String, SimHypervisor> hosts = new ConcurrentHashMap<>();

  /** The fabric of hosts opened through the {@code sim} driver in this process. */
  public static SimFabric shared() {
    return SHARED;
  }

  /** The migration URI of the host named {@code hostName}. */
  public static String uriOf(String hostName) {
    return SCHEME + hostName;
  }

  /** The host named {@code hostName}, if it is open in this fabric. */
  public Optional<SimHypervisor> host(String hostName) {
    return Optional.ofNullable(hosts.get(hostName));
  }

  /** The host a {@code sim://<hostname>} URI names, if it is open in this fabric. */
  public Optional<SimHypervisor> resolve(String uri) {
    if (uri == null || !uri.startsWith(SCHEME)) {
      return Optional.empty();
    }
    String rest = uri.substring(SCHEME.length());
    int q = rest.indexOf('?');
    return host(q < 0 ? rest : rest.substring(0, q));
  }

  /** The open hosts, in no particular order. */
  public List<SimHypervisor> hosts() {
    return List.copyOf(hosts.values());
  }

  void register(SimHypervisor host) {
    hosts.put(host.host().name(), requireNonNull(host));
  }

  void unregister(SimHypervisor host) {
    hosts.remove(host.host().name(), host);
  }
}
