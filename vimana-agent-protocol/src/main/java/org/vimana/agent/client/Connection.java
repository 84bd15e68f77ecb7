package org.vimana.agent.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.vimana.agent.json.JsonException;
import org.vimana.agent.json.JsonLimits;
import org.vimana.agent.json.JsonParser;
import org.vimana.agent.json.JsonValue;
import org.vimana.agent.wire.Event;
import org.vimana.agent.wire.Message;
import org.vimana.agent.wire.MessageFramer;
import org.vimana.agent.wire.Reply;
import org.vimana.agent.wire.WireCodec;
import org.vimana.agent.wire.WireException;

/**
 * One open socket to an agent: a reader thread that frames, parses and routes replies by id, and a
 * locked writer. Replies without a known id are dropped (stale replies after a timeout, or
 * qemu-ga's parse error for the 0xFF that precedes guest-sync-delimited).
 */
final class Connection implements AutoCloseable {
  private final SocketChannel channel;
  private final Map<Long, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
  private final Consumer<Event> events;
  private final Consumer<String> onClosed;
  private final MessageFramer framer;
  private final JsonLimits limits;
  private final Object writeLock = new Object();
  private volatile CompletableFuture<Void> sync;
  private volatile long syncId;
  private volatile boolean open = true;

  Connection(
      SocketChannel channel,
      int maxMessageBytes,
      Consumer<Event> events,
      Consumer<String> onClosed) {
    this.channel = channel;
    this.events = events;
    this.onClosed = onClosed;
    this.limits = new JsonLimits(maxMessageBytes, 64);
    this.framer = new MessageFramer(maxMessageBytes, new Sink());
  }

  void start(String name) {
    Thread t = new Thread(this::readLoop, "agent-client-reader " + name);
    t.setDaemon(true);
    t.start();
  }

  boolean isOpen() {
    return open;
  }

  /** Sends 0xFF then guest-sync-delimited; the future completes when the echo arrives. */
  CompletableFuture<Void> resync(long id) throws IOException {
    CompletableFuture<Void> f = new CompletableFuture<>();
    syncId = id;
    sync = f;
    String req = "{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":" + id + "}}\n";
    byte[] text = req.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[text.length + 1];
    out[0] = (byte) MessageFramer.SENTINEL;
    System.arraycopy(text, 0, out, 1, text.length);
    write(out);
    return f;
  }

  CompletableFuture<Reply> expect(long id) {
    CompletableFuture<Reply> f = new CompletableFuture<>();
    pending.put(id, f);
    return f;
  }

  void forget(long id) {
    pending.remove(id);
  }

  void send(String line) throws IOException {
    write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private void write(byte[] bytes) throws IOException {
    synchronized (writeLock) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    }
  }

  private void readLoop() {
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    String reason = "agent closed the connection";
    try {
      while (open) {
        buf.clear();
        int n = channel.read(buf);
        if (n < 0) {
          break;
        }
        framer.feed(buf.array(), 0, n);
      }
    } catch (IOException e) {
      reason = "connection error: " + e.getMessage();
    }
    shutdown(reason);
  }

  private void shutdown(String reason) {
    boolean wasOpen = open;
    open = false;
    try {
      channel.close();
    } catch (IOException e) {
      // closing anyway
    }
    IOException cause = new IOException(reason);
    pending.values().forEach(f -> f.completeExceptionally(cause));
    pending.clear();
    CompletableFuture<Void> s = sync;
    if (s != null) {
      s.completeExceptionally(cause);
    }
    if (wasOpen) {
      onClosed.accept(reason);
    }
  }

  @Override
  public void close() {
    shutdown("closed by the client");
  }

  private void route(Message m) {
    CompletableFuture<Void> s = sync;
    if (s != null && !s.isDone()) {
      if (m instanceof Reply.Ok ok
          && ok.value() instanceof JsonValue.Num n
          && n.isLong()
          && n.value().longValue() == syncId) {
        s.complete(null);
      }
      return; // everything before the sync echo is stale
    }
    if (m instanceof Event e) {
      events.accept(e);
    } else if (m instanceof Reply r && r.id() instanceof JsonValue.Num n && n.isLong()) {
      CompletableFuture<Reply> f = pending.remove(n.value().longValue());
      if (f != null) {
        f.complete(r);
      }
    }
  }

  private final class Sink implements MessageFramer.Sink {
    @Override
    public void onMessage(String text) {
      try {
        route(WireCodec.decodeIncoming(JsonParser.parse(text, limits)));
      } catch (JsonException | WireException e) {
        // a malformed message from the agent cannot be matched to a request: drop it
      }
    }

    @Override
    public void onError(String description) {
      // same: framing errors on the reply stream are not attributable
    }
  }
}
