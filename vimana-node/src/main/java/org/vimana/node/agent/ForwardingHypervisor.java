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
 * A hypervisor that passes every call to another one, so that a decorator overrides only what it
 * changes. The optional capabilities (the interface's default methods) are forwarded too: left to
 * their defaults they would hide what the wrapped driver can do.
 */
public abstract class ForwardingHypervisor implements Hypervisor {
  private final Hypervisor delegate;

  protected ForwardingHypervisor(Hypervisor delegate) {
    this.delegate = Objects.requireNonNull(delegate);
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
  public void close() {
    delegate.close();
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
  public Optional<Path> agentSocket(String vmId) throws HypervisorException {
    return delegate.agentSocket(vmId);
  }
}
