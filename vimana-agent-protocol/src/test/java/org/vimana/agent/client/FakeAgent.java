package org.vimana.agent.client;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonParser;
import org.vimana.agent.json.JsonValue;
import org.vimana.agent.qga.GuestAgentInfo;
import org.vimana.agent.wire.MessageFramer;
import org.vimana.agent.wire.Request;
import org.vimana.agent.wire.WireCodec;

/**
 * A scripted agent on a unix socket: answers guest-sync-delimited and guest-info itself (as a
 * qemu-ga or a Vimana agent), everything else through the script, which returns raw text to write.
 */
final class FakeAgent implements AutoCloseable {
  final List<Request> received = new CopyOnWriteArrayList<>();
  final List<SocketChannel> clients = new CopyOnWriteArrayList<>();
  private final ServerSocketChannel server;
  private final BiFunction<Request, SocketChannel, String> script;
  private final GuestAgentInfo info;
  final Path path;

  FakeAgent(Path path, GuestAgentInfo info, BiFunction<Request, SocketChannel, String> script)
      throws IOException {
    this.path = path;
    this.info = info;
    this.script = script;
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    Thread t = new Thread(this::acceptLoop, "fake-agent");
    t.setDaemon(true);
    t.start();
  }

  static GuestAgentInfo qemuInfo(String... disabled) {
    List<GuestAgentInfo.CommandInfo> cmds = new java.util.ArrayList<>();
    for (String c : List.of("guest-ping", "guest-info", "guest-exec", "guest-get-time")) {
      cmds.add(new GuestAgentInfo.CommandInfo(c, !List.of(disabled).contains(c), true));
    }
    return new GuestAgentInfo("7.2.22", cmds);
  }

  static GuestAgentInfo vimanaInfo() {
    return new GuestAgentInfo(
        "0.1.0",
        List.of(
            new GuestAgentInfo.CommandInfo("guest-ping", true, true),
            new GuestAgentInfo.CommandInfo("vimana-status", true, true)));
  }

  private void acceptLoop() {
    while (server.isOpen()) {
      try {
        SocketChannel ch = server.accept();
        clients.add(ch);
        Thread t = new Thread(() -> serve(ch), "fake-agent-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(SocketChannel ch) {
    MessageFramer framer =
        new MessageFramer(
            1 << 20,
            new MessageFramer.Sink() {
              @Override
              public void onMessage(String text) {
                Request r = WireCodec.decodeRequest(JsonParser.parse(text));
                received.add(r);
                String out;
                if (r.command().equals("guest-sync-delimited")) {
                  // a stale reply first, as a previous client might have left behind
                  out =
                      "{\"return\":{},\"id\":999}\n\u00ff{\"return\":"
                          + r.arguments().integer("id")
                          + "}\n";
                } else if (r.command().equals("guest-info")) {
                  out = reply(info.toJson(), r.id());
                } else {
                  out = script.apply(r, ch);
                }
                if (out != null) {
                  write(ch, out);
                }
              }

              @Override
              public void onError(String description) {
                write(
                    ch,
                    "{\"error\":{\"class\":\"GenericError\",\"desc\":\"JSON parse error, stray\"}}\n");
              }
            });
    ByteBuffer buf = ByteBuffer.allocate(8192);
    try {
      while (ch.read(buf.clear()) >= 0) {
        framer.feed(buf.array(), 0, buf.position());
      }
    } catch (IOException e) {
      // client went away
    }
  }

  static String reply(JsonValue value, JsonValue id) {
    return JsonObject.builder().put("return", value).putOpt("id", id).build().toJson() + "\n";
  }

  static String error(String cls, String desc, JsonValue id) {
    return JsonObject.builder()
            .put("error", JsonObject.builder().put("class", cls).put("desc", desc).build())
            .putOpt("id", id)
            .build()
            .toJson()
        + "\n";
  }

  static void write(SocketChannel ch, String text) {
    // 0xFF must go out as one raw byte, not as UTF-8 for U+00FF
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    try {
      ByteBuffer buf = ByteBuffer.wrap(b);
      synchronized (ch) {
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      }
    } catch (IOException e) {
      // client went away
    }
  }

  void dropClients() throws IOException {
    for (SocketChannel c : clients) {
      c.close();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    dropClients();
  }
}
