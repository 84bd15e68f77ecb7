package org.vimana.guest.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import org.vimana.agent.json.JsonException;
import org.vimana.agent.json.JsonLimits;
import org.vimana.agent.json.JsonParser;
import org.vimana.agent.wire.ErrorClass;
import org.vimana.agent.wire.Event;
import org.vimana.agent.wire.Message;
import org.vimana.agent.wire.MessageFramer;
import org.vimana.agent.wire.Reply;
import org.vimana.agent.wire.Request;
import org.vimana.agent.wire.WireCodec;
import org.vimana.agent.wire.WireException;
import org.vimana.guest.command.Dispatcher;
import org.vimana.guest.command.Peer;

/**
 * One connection. Requests without an id run inline on the reader thread, in order, as qemu-ga does
 * (clients such as libvirt rely on order); requests with an id go to the shared bounded worker pool
 * so a slow probe does not hold up a ping, and a full pool answers AgentBusy at once. Memory per
 * session is bounded by the framer's message limit.
 */
public final class Session implements Peer, Runnable {
  private final String name;
  private final InputStream in;
  private final OutputStream out;
  private final Dispatcher dispatcher;
  private final ExecutorService workers;
  private final MessageFramer framer;
  private final JsonLimits limits;
  private volatile boolean open = true;
  private ScheduledFuture<?> subscription;
  private int inFlight; // requests handed to workers and not yet answered; guarded by this

  /** After the peer half-closes, answers still owed are sent for at most this long. */
  private static final long DRAIN_MS = 5000;

  public Session(
      String name,
      InputStream in,
      OutputStream out,
      Dispatcher dispatcher,
      ExecutorService workers,
      int maxMessageBytes) {
    this.name = name;
    this.in = in;
    this.out = out;
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.limits = new JsonLimits(maxMessageBytes, 32);
    this.framer = new MessageFramer(maxMessageBytes, new Sink());
  }

  /** Serves until the peer disconnects. */
  @Override
  public void run() {
    byte[] buf = new byte[16 * 1024];
    try {
      int n;
      while (open && (n = in.read(buf)) >= 0) {
        framer.feed(buf, 0, n);
      }
    } catch (IOException e) {
      // connection dropped: end the session
    } finally {
      drain();
      close();
    }
  }

  /** A client may send its requests, half-close, then read (socat does): answer them first. */
  private synchronized void drain() {
    long end = System.nanoTime() + DRAIN_MS * 1_000_000;
    try {
      while (inFlight > 0 && open) {
        long left = (end - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return;
        }
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void started() {
    inFlight++;
  }

  private synchronized void finished() {
    if (--inFlight == 0) {
      notifyAll();
    }
  }

  public String name() {
    return name;
  }

  private void handle(String text) {
    Request req;
    try {
      req = WireCodec.decodeRequest(JsonParser.parse(text, limits));
    } catch (JsonException e) {
      send(new Reply.Err(ErrorClass.PROTOCOL, e.getMessage(), null));
      return;
    } catch (WireException e) {
      send(new Reply.Err(ErrorClass.PROTOCOL, e.getMessage(), e.id()));
      return;
    }
    if (req.command().equals("guest-sync-delimited")) {
      Reply r = dispatcher.dispatch(req, this);
      sendRaw(new byte[] {(byte) MessageFramer.SENTINEL}, r);
      return;
    }
    if (req.id() == null) {
      respond(req);
      return;
    }
    started();
    try {
      workers.execute(
          () -> {
            try {
              respond(req);
            } finally {
              finished();
            }
          });
    } catch (RejectedExecutionException e) {
      finished();
      send(
          new Reply.Err(
              ErrorClass.BUSY, "agent busy: request queue full, retry " + req.command(), req.id()));
    }
  }

  private void respond(Request req) {
    Reply r = dispatcher.dispatch(req, this);
    if (r != null) {
      send(r);
    }
  }

  private void send(Message m) {
    sendRaw(new byte[0], m);
  }

  private void sendRaw(byte[] prefix, Message m) {
    byte[] text = (WireCodec.encode(m) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] line = new byte[prefix.length + text.length];
    System.arraycopy(prefix, 0, line, 0, prefix.length);
    System.arraycopy(text, 0, line, prefix.length, text.length);
    synchronized (out) {
      if (!open) {
        return;
      }
      try {
        out.write(line);
        out.flush();
      } catch (IOException e) {
        open = false;
      }
    }
  }

  @Override
  public void push(Event event) {
    send(event);
  }

  @Override
  public synchronized void replaceSubscription(ScheduledFuture<?> next) {
    if (subscription != null) {
      subscription.cancel(false);
    }
    subscription = open ? next : null;
    if (!open && next != null) {
      next.cancel(false);
    }
  }

  public void close() {
    open = false;
    replaceSubscription(null);
    try {
      in.close();
    } catch (IOException e) {
      // closing anyway
    }
    synchronized (out) {
      try {
        out.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  private final class Sink implements MessageFramer.Sink {
    @Override
    public void onMessage(String text) {
      handle(text);
    }

    @Override
    public void onError(String description) {
      send(new Reply.Err(ErrorClass.PROTOCOL, description, null));
    }
  }
}
