package org.vimana.agent.client;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.vimana.agent.client.AgentException.Kind;
import org.vimana.agent.json.JsonException;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;
import org.vimana.agent.qga.GuestAgentInfo;
import org.vimana.agent.qga.QgaCommands;
import org.vimana.agent.wire.Command;
import org.vimana.agent.wire.Event;
import org.vimana.agent.wire.Reply;
import org.vimana.agent.wire.Request;
import org.vimana.agent.wire.WireCodec;

/**
 * A persistent, multiplexed connection to one guest agent (Vimana's or a stock qemu-guest-agent).
 * Thread-safe: many threads may call at once; replies are matched by request id. Events are
 * delivered to listeners on one dispatcher thread through a bounded queue (oldest dropped first),
 * so a slow listener cannot stall replies.
 */
public final class AgentClient implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AgentEndpoint endpoint;
  private final ClientOptions options;
  private final AtomicLong ids = new AtomicLong();
  private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService dispatcher;
  private volatile Connection connection;
  private volatile AgentCapabilities capabilities;
  private volatile boolean closed;

  private AgentClient(AgentEndpoint endpoint, ClientOptions options) {
    this.endpoint = endpoint;
    this.options = options;
    this.dispatcher =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(1024),
            r -> {
              Thread t = new Thread(r, "agent-client-events " + endpoint.describe());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.DiscardOldestPolicy());
  }

  /** Connects, resynchronises and probes capabilities; fails with UNREACHABLE or TIMEOUT. */
  public static AgentClient connect(AgentEndpoint endpoint, ClientOptions options)
      throws AgentException {
    AgentClient client = new AgentClient(endpoint, options);
    try {
      client.reconnect();
    } catch (AgentException e) {
      client.close();
      throw e;
    }
    return client;
  }

  public static AgentClient connect(AgentEndpoint endpoint) throws AgentException {
    return connect(endpoint, ClientOptions.DEFAULT);
  }

  /** Opens a fresh connection (closing any old one), syncs with 0xFF + guest-sync-delimited. */
  public synchronized void reconnect() throws AgentException {
    if (closed) {
      throw new AgentException(Kind.UNREACHABLE, null, "client is closed");
    }
    Connection old = connection;
    if (old != null) {
      old.close();
    }
    Connection c;
    try {
      c =
          new Connection(
              endpoint.open(options.connectTimeout()),
              options.maxMessageBytes(),
              this::dispatch,
              reason -> options.listener().disconnected(reason));
    } catch (IOException e) {
      throw new AgentException(
          Kind.UNREACHABLE,
          null,
          "agent unreachable at " + endpoint.describe() + ": " + e.getMessage(),
          e);
    }
    c.start(endpoint.describe());
    try {
      long syncId = RANDOM.nextLong() & Long.MAX_VALUE;
      c.resync(syncId).get(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      c.close();
      throw new AgentException(
          Kind.TIMEOUT,
          "guest-sync-delimited",
          "agent at "
              + endpoint.describe()
              + " did not answer guest-sync-delimited within "
              + options.connectTimeout().toMillis()
              + " ms (socket open, agent not running or not responding)");
    } catch (IOException | ExecutionException e) {
      c.close();
      throw new AgentException(
          Kind.UNREACHABLE, null, "agent at " + endpoint.describe() + " dropped the sync", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      c.close();
      throw new AgentException(Kind.UNREACHABLE, null, "interrupted while connecting");
    }
    connection = c;
    GuestAgentInfo info =
        send(c, QgaCommands.INFO.name(), JsonObject.empty(), null, true)
            .map(GuestAgentInfo::fromJson, QgaCommands.INFO.name());
    capabilities = AgentCapabilities.of(info);
    options.listener().connected(capabilities);
  }

  public AgentCapabilities capabilities() {
    return capabilities;
  }

  public boolean isConnected() {
    Connection c = connection;
    return c != null && c.isOpen();
  }

  public void addEventListener(Consumer<Event> listener) {
    listeners.add(listener);
  }

  public void removeEventListener(Consumer<Event> listener) {
    listeners.remove(listener);
  }

  /** Calls a typed command with the default timeout. */
  public <A, R> R call(Command<A, R> command, A args) throws AgentException {
    return call(command, args, options.requestTimeout());
  }

  public <R> R call(Command<Command.NoArgs, R> command) throws AgentException {
    return call(command, Command.NoArgs.INSTANCE);
  }

  public <A, R> R call(Command<A, R> command, A args, Duration timeout) throws AgentException {
    JsonObject json = command.encodeArgs().apply(args);
    Result r = invoke(command.name(), json, timeout, command.successResponse());
    return r.map(command.decodeResult(), command.name());
  }

  /** Calls any command by name with raw JSON arguments (for `vimana vm agent NAME CMD JSON`). */
  public JsonValue call(String name, JsonObject args, Duration timeout) throws AgentException {
    return invoke(name, args, timeout, !name.equals(QgaCommands.SHUTDOWN.name())).value();
  }

  private Result invoke(String name, JsonObject args, Duration timeout, boolean expectReply)
      throws AgentException {
    Connection c = connection;
    if (c == null || !c.isOpen()) {
      if (!options.autoReconnect()) {
        throw new AgentException(Kind.UNREACHABLE, name, "not connected to " + endpoint.describe());
      }
      reconnect();
      c = connection;
    }
    AgentCapabilities caps = capabilities;
    if (caps.kind() == AgentCapabilities.Kind.QEMU_GA && name.startsWith("vimana-")) {
      throw new AgentException(
          Kind.UNAVAILABLE,
          name,
          name
              + " is unavailable on "
              + caps.describe()
              + ": it is a Vimana extension; install vimana-guest-agent in the guest for it");
    }
    if (caps.disabled().contains(name)) {
      throw new AgentException(
          Kind.BLOCKED,
          name,
          name
              + " is blocked by the guest's agent policy ("
              + caps.describe()
              + " lists it disabled)");
    }
    return send(c, name, args, timeout, expectReply);
  }

  private Result send(
      Connection c, String name, JsonObject args, Duration timeout, boolean expectReply)
      throws AgentException {
    Duration wait = timeout == null ? options.connectTimeout() : timeout;
    long id = ids.incrementAndGet();
    var future = c.expect(id);
    try {
      c.send(WireCodec.encode(new Request(name, args, JsonValue.of(id))));
      Reply reply = future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      if (reply instanceof Reply.Err err) {
        throw AgentException.fromReply(name, err);
      }
      return new Result(((Reply.Ok) reply).value());
    } catch (TimeoutException e) {
      c.forget(id);
      if (!expectReply) {
        return new Result(JsonObject.empty()); // no error within the wait: accepted
      }
      throw new AgentException(
          Kind.TIMEOUT,
          name,
          name
              + " got no reply from "
              + endpoint.describe()
              + " within "
              + wait.toMillis()
              + " ms");
    } catch (IOException | ExecutionException e) {
      c.forget(id);
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new AgentException(
          Kind.UNREACHABLE,
          name,
          "agent at "
              + endpoint.describe()
              + " unreachable during "
              + name
              + ": "
              + cause.getMessage(),
          cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      c.forget(id);
      throw new AgentException(Kind.UNREACHABLE, name, "interrupted while waiting for " + name);
    }
  }

  private void dispatch(Event event) {
    if (listeners.isEmpty()) {
      return;
    }
    dispatcher.execute(
        () -> {
          for (Consumer<Event> l : listeners) {
            try {
              l.accept(event);
            } catch (RuntimeException e) {
              // one faulty listener must not starve the others
            }
          }
        });
  }

  @Override
  public void close() {
    closed = true;
    Connection c = connection;
    if (c != null) {
      c.close();
    }
    dispatcher.shutdownNow();
  }

  /** A successful raw result, decoded with a PROTOCOL error if its shape is wrong. */
  private record Result(JsonValue value) {
    <R> R map(java.util.function.Function<JsonValue, R> decoder, String name)
        throws AgentException {
      try {
        return decoder.apply(value);
      } catch (JsonException e) {
        throw new AgentException(
            Kind.PROTOCOL, name, "unexpected reply shape for " + name + ": " + e.getMessage(), e);
      }
    }
  }
}
