package org.vimana.node.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.driver.HypervisorException;
import org.vimana.core.driver.Migrator;
import org.vimana.core.driver.Snapshots;
import org.vimana.core.event.VmEvent;
import org.vimana.core.host.HostInfo;
import org.vimana.core.stats.HostStats;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.vm.VmStatus;

/**
 * A hypervisor whose VMs' agent channels are unix sockets {@code DIR/VMID.agent.sock}, whatever the
 * driver says: a driver without channels (sim) then gets real agents, each one a process listening
 * on its VM's socket ({@code vimana-guest-agent --listen unix:DIR/VMID.agent.sock}). Everything
 * else goes to the wrapped driver.
 */
public final class AgentSocketOverride implements Hypervisor {
  private final Hypervisor delegate;
  private final Path dir;

  public AgentSocketOverride(Hypervisor delegate, Path dir) {
    this.delegate = Objects.requireNonNull(delegate);
    this.dir = Objects.requireNonNull(dir);
  }

  /** Where the agent of {@code vmId} listens. */
  public Path socketOf(String vmId) {
    return dir.resolve(vmId + ".agent.sock");
  }

  @Override
  public Optional<Path> agentSocket(String vmId) {
    return Optional.of(socketOf(vmId));
  }

  @Override
  public HostInfo host() {
    return delegate.host();
  }

  @Override
  public List<VmStatus> list() throws HypervisorException {
    return delegate.list();
  }

  @Override
  public Optional<VmStatus> find(String vmId) throws HypervisorException {
    return delegate.find(vmId);
  }

  @Override
  public VmStatus define(String vmId, VmSpec spec) throws HypervisorException {
    return delegate.define(vmId, spec);
  }

  @Override
  public void start(String vmId) throws HypervisorException {
    delegate.start(vmId);
  }

  @Override
  public void shutdown(String vmId) throws HypervisorException {
    delegate.shutdown(vmId);
  }

  @Override
  public void reboot(String vmId) throws HypervisorException {
    delegate.reboot(vmId);
  }

  @Override
  public void destroy(String vmId) throws HypervisorException {
    delegate.destroy(vmId);
  }

  @Override
  public void suspend(String vmId) throws HypervisorException {
    delegate.suspend(vmId);
  }

  @Override
  public void resume(String vmId) throws HypervisorException {
    delegate.resume(vmId);
  }

  @Override
  public void undefine(String vmId) throws HypervisorException {
    delegate.undefine(vmId);
  }

  @Override
  public HostStats stats() throws HypervisorException {
    return delegate.stats();
  }

  @Override
  public void addListener(Consumer<VmEvent> listener) {
    delegate.addListener(listener);
  }

  @Override
  public Optional<Migrator> migrator() {
    return delegate.migrator();
  }

  @Override
  public String consoleLog(String vmId, int maxBytes) throws HypervisorException {
    return delegate.consoleLog(vmId, maxBytes);
  }

  @Override
  public Optional<Snapshots> snapshots() {
    return delegate.snapshots();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
