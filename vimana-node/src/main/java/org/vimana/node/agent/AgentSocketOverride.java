package org.vimana.node.agent;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.vimana.core.driver.Hypervisor;

/**
 * A hypervisor whose VMs' agent channels are unix sockets {@code DIR/VMID.agent.sock}, whatever the
 * driver says: a driver without channels (sim) then gets real agents, each one a process listening
 * on its VM's socket ({@code vimana-guest-agent --listen unix:DIR/VMID.agent.sock}). Everything
 * else goes to the wrapped driver.
 */
public final class AgentSocketOverride extends ForwardingHypervisor {
  private final Path dir;

  public AgentSocketOverride(Hypervisor delegate, Path dir) {
    super(delegate);
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
}
