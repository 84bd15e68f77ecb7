package org.vimana.guest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.agent.client.AgentCapabilities;
import org.vimana.agent.client.AgentClient;
import org.vimana.agent.client.AgentEndpoint;
import org.vimana.agent.client.AgentException;
import org.vimana.agent.client.ClientOptions;
import org.vimana.agent.ext.ExecExited;
import org.vimana.agent.ext.StatusRequest;
import org.vimana.agent.ext.StatusSection;
import org.vimana.agent.ext.StatusSnapshot;
import org.vimana.agent.ext.Subscription;
import org.vimana.agent.ext.VimanaCommands;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonParser;
import org.vimana.agent.qga.GuestExec;
import org.vimana.agent.qga.GuestFile;
import org.vimana.agent.qga.QgaCommands;
import org.vimana.agent.wire.Event;

/** The agent as a real separate process on a unix socket, driven by the host-side client. */
class AgentProcessIT {
  @TempDir static Path dir;
  static AgentProcess agent;
  static AgentClient client;

  @BeforeAll
  static void start() throws Exception {
    agent = AgentProcess.vimana(dir, "--block-rpcs", "guest-shutdown");
    client = AgentClient.connect(AgentEndpoint.unix(agent.socket), ClientOptions.DEFAULT);
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    agent.close();
  }

  @Test
  void pingInfoAndStatusMatchTheHost() throws Exception {
    client.call(QgaCommands.PING);
    assertThat(client.capabilities().kind()).isEqualTo(AgentCapabilities.Kind.VIMANA);
    StatusSnapshot s = client.call(VimanaCommands.STATUS, new StatusRequest(5, List.of()));
    long memTotal =
        Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst()
                .orElseThrow()
            * 1024;
    assertThat(s.memory().totalBytes()).isEqualTo(memTotal);
    assertThat(s.cpu().count()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(s.processes()).hasSize(5);
    assertThat(s.filesystems()).extracting(f -> f.mountpoint()).contains("/");
  }

  @Test
  void execPushesItsResultWithExitCodeAndOutput() throws Exception {
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    client.addEventListener(events::add);
    try {
      long pid =
          client
              .call(
                  QgaCommands.EXEC,
                  GuestExec.Args.of("/bin/sh", List.of("-c", "echo pushed; exit 7"), true))
              .pid();
      Event e;
      do {
        e = events.poll(10, TimeUnit.SECONDS);
        assertThat(e).as("exec event").isNotNull();
      } while (!e.name().equals(VimanaCommands.EVENT_EXEC_EXITED));
      ExecExited x = ExecExited.fromJson(e.data());
      assertThat(x.pid()).isEqualTo(pid);
      assertThat(x.status().exitcode()).isEqualTo(7);
      assertThat(
              new String(Base64.getDecoder().decode(x.status().outData()), StandardCharsets.UTF_8))
          .isEqualTo("pushed\n");
    } finally {
      client.removeEventListener(events::add);
    }
  }

  @Test
  void fileWriteThenRead() throws Exception {
    Path f = dir.resolve("transfer.bin");
    byte[] data = "payload through the agent".getBytes(StandardCharsets.UTF_8);
    long h = client.call(QgaCommands.FILE_OPEN, new GuestFile.OpenArgs(f.toString(), "w"));
    client.call(
        QgaCommands.FILE_WRITE,
        new GuestFile.WriteArgs(h, Base64.getEncoder().encodeToString(data), null));
    client.call(QgaCommands.FILE_CLOSE, new GuestFile.Handle(h));
    assertThat(Files.readAllBytes(f)).isEqualTo(data);
    long r = client.call(QgaCommands.FILE_OPEN, new GuestFile.OpenArgs(f.toString(), "r"));
    GuestFile.Read read = client.call(QgaCommands.FILE_READ, new GuestFile.ReadArgs(r, 1000L));
    client.call(QgaCommands.FILE_CLOSE, new GuestFile.Handle(r));
    assertThat(Base64.getDecoder().decode(read.bufB64())).isEqualTo(data);
  }

  @Test
  void subscriptionStreamsStatus() throws Exception {
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    client.addEventListener(events::add);
    // an unknown section is refused, naming it; the subscription then asks for processes only
    assertThatThrownBy(
            () ->
                client.call(
                    VimanaCommands.SUBSCRIBE.name(),
                    (JsonObject) JsonParser.parse("{\"interval-ms\":200,\"sections\":[\"cpu\"]}"),
                    Duration.ofSeconds(5)))
        .isInstanceOf(AgentException.class)
        .hasMessageContaining("unknown status section 'cpu'");
    client.call(
        VimanaCommands.SUBSCRIBE,
        new Subscription.Args(200, 1, EnumSet.of(StatusSection.PROCESSES)));
    int statuses = 0;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (statuses < 2 && System.nanoTime() < end) {
      Event e = events.poll(1, TimeUnit.SECONDS);
      if (e != null && e.name().equals(VimanaCommands.EVENT_STATUS)) {
        StatusSnapshot pushed = StatusSnapshot.fromJson(e.data());
        assertThat(pushed.memory().totalBytes()).isPositive();
        assertThat(pushed.processes()).hasSize(1);
        assertThat(pushed.sections()).containsExactly(StatusSection.PROCESSES);
        assertThat(e.data().has("sockets")).isFalse();
        statuses++;
      }
    }
    client.call(VimanaCommands.UNSUBSCRIBE);
    client.removeEventListener(events::add);
    assertThat(statuses).isEqualTo(2);
  }

  @Test
  void dirtyChannelGetsErrorsAndTheAgentKeepsServing() throws Exception {
    long rssBefore = agent.rssBytes();
    try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      raw.connect(UnixDomainSocketAddress.of(agent.socket));
      OutputStream out = rawOut(raw);
      CompletableFuture<String> replies = CompletableFuture.supplyAsync(() -> readAll(raw));
      out.write(new byte[] {0, 1, 2, (byte) 0x80, 'x', '\n'});
      byte[] big = new byte[10 << 20];
      java.util.Arrays.fill(big, (byte) 'A');
      out.write(
          "{\"execute\":\"guest-ping\",\"arguments\":{\"x\":\"".getBytes(StandardCharsets.UTF_8));
      out.write(big);
      out.write("\"}}\n".getBytes(StandardCharsets.UTF_8));
      out.write("{\"execute\":\"guest-ping\"\n".getBytes(StandardCharsets.UTF_8));
      out.write("{\"execute\":\"guest-teleport\"}\n".getBytes(StandardCharsets.UTF_8));
      out.write(
          "{\"execute\":\"guest-exec-status\",\"arguments\":{\"pid\":\"x\"}}\n"
              .getBytes(StandardCharsets.UTF_8));
      out.write("{\"execute\":\"guest-shutdown\"}\n".getBytes(StandardCharsets.UTF_8));
      StringBuilder flood = new StringBuilder();
      for (int i = 0; i < 20_000; i++) {
        flood.append("{\"execute\":\"guest-ping\",\"id\":").append(i).append("}\n");
      }
      out.write(flood.toString().getBytes(StandardCharsets.UTF_8));
      raw.shutdownOutput();
      String text = replies.get(60, TimeUnit.SECONDS);
      assertThat(text).contains("\"class\":\"ProtocolError\",\"desc\":\"unexpected bytes outside");
      assertThat(text).contains("is longer than the limit of 4194304 bytes");
      assertThat(text).contains("truncated JSON");
      assertThat(text).contains("\"class\":\"CommandNotFound\"");
      assertThat(text)
          .contains("\"class\":\"InvalidParameter\",\"desc\":\"Invalid parameter type for 'pid'");
      assertThat(text).contains("\"class\":\"CommandDisabled\"");
      long answered = text.lines().filter(l -> l.startsWith("{\"return\":{},\"id\":")).count();
      long busy = text.lines().filter(l -> l.contains("AgentBusy")).count();
      assertThat(answered + busy).isEqualTo(20_000);
      assertThat(answered).isPositive();
    }
    client.call(QgaCommands.PING);
    assertThat(agent.process.isAlive()).isTrue();
    // -Xmx64m caps the heap: a leak would have ended in OutOfMemoryError, not in this bound
    assertThat(agent.rssBytes()).isLessThan(Math.max(rssBefore, 0) + (96L << 20));
  }

  /** Direct channel I/O: JDK 17's Channels streams serialise a reader and a writer. */
  private static OutputStream rawOut(SocketChannel ch) {
    return new OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      }
    };
  }

  private static String readAll(SocketChannel ch) {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    try {
      while (ch.read(buf.clear()) >= 0) {
        all.write(buf.array(), 0, buf.position());
      }
    } catch (java.io.IOException e) {
      // connection closed by the agent
    }
    return all.toString(StandardCharsets.UTF_8);
  }

  @Test
  void blockedIsDistinctFromUnreachable() throws Exception {
    assertThatThrownBy(() -> client.call(QgaCommands.SHUTDOWN, "powerdown"))
        .isInstanceOfSatisfying(
            AgentException.class, e -> assertThat(e.kind()).isEqualTo(AgentException.Kind.BLOCKED))
        .hasMessageContaining("blocked by the guest's agent policy");
    assertThatThrownBy(
            () -> client.call("guest-teleport", JsonObject.empty(), Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(
            AgentException.class,
            e -> assertThat(e.kind()).isEqualTo(AgentException.Kind.UNKNOWN_COMMAND));
    AgentProcess other = AgentProcess.vimana(dir.resolve("other"), "--block-rpcs", "guest-exec");
    AgentClient second;
    try {
      second = AgentClient.connect(AgentEndpoint.unix(other.socket));
    } finally {
      other.close(); // the agent goes away: the next call finds nobody
    }
    try (second) {
      assertThatThrownBy(() -> second.call(QgaCommands.PING))
          .isInstanceOfSatisfying(
              AgentException.class,
              e -> assertThat(e.kind()).isEqualTo(AgentException.Kind.UNREACHABLE));
    }
  }
}
