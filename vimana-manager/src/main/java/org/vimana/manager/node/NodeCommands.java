package org.vimana.manager.node;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vimana.rpc.Command;
import org.vimana.rpc.CommandResult;
import org.vimana.rpc.ManagerMessage;

/** Sends a command to a host's node and waits for its result. */
public final class NodeCommands {
  private final LiveHosts live;
  private final Duration timeout;

  public NodeCommands(LiveHosts live, Duration timeout) {
    this.live = live;
    this.timeout = timeout;
  }

  /** Thrown when the host's node cannot be reached or does not answer in time. */
  public static final class Unreachable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreachable(String message) {
      super(message);
    }
  }

  public CommandResult call(String hostId, String hostName, Command.Builder command)
      throws Unreachable {
    return call(hostId, hostName, command, timeout);
  }

  /** As {@link #call(String, String, Command.Builder)}, for a command with a longer run time. */
  public CommandResult call(
      String hostId, String hostName, Command.Builder command, Duration timeout)
      throws Unreachable {
    NodeSession s =
        live.get(hostId)
            .map(HostLive::session)
            .orElseThrow(() -> new Unreachable("host '" + hostName + "' is down"));
    if (s == null) {
      throw new Unreachable("host '" + hostName + "' is down");
    }
    String id = UUID.randomUUID().toString();
    CompletableFuture<CommandResult> f = s.expect(id);
    if (!s.send(ManagerMessage.newBuilder().setCommand(command.setRequestId(id)).build())) {
      throw new Unreachable("host '" + hostName + "' is down");
    }
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      s.forget(id);
      throw new Unreachable("host '" + hostName + "' did not answer within " + timeout);
    } catch (ExecutionException e) {
      throw new Unreachable(e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted while waiting for host '" + hostName + "'");
    }
  }
}
