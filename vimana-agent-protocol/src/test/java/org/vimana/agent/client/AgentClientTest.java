package org.vimana.agent.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.agent.client.AgentException.Kind;
import org.vimana.agent.ext.StatusRequest;
import org.vimana.agent.ext.VimanaCommands;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;
import org.vimana.agent.qga.QgaCommands;
import org.vimana.agent.wire.Event;
import org.vimana.agent.wire.WireCodec;

class AgentClientTest {
  @TempDir Path dir;

  private static final ClientOptions FAST =
      ClientOptions.DEFAULT.withRequestTimeout(Duration.ofMillis(300));

  @Test
  void syncsProbesAndCallsAStockQemuGuestAgent() throws Exception {
    try (FakeAgent agent =
            new FakeAgent(
                dir.resolve("qga.sock"),
                FakeAgent.qemuInfo(),
                (r, ch) -> FakeAgent.reply(JsonValue.of(123L), r.id()));
        AgentClient client = AgentClient.connect(AgentEndpoint.unix(agent.path), FAST)) {
      assertThat(client.capabilities().kind()).isEqualTo(AgentCapabilities.Kind.QEMU_GA);
      assertThat(client.capabilities().describe()).isEqualTo("qemu-guest-agent 7.2.22");
      assertThat(client.call(QgaCommands.GET_TIME)).isEqualTo(123L);
      assertThat(agent.received.get(0).command()).isEqualTo("guest-sync-delimited");
    }
  }

  @Test
  void refusesExtensionsOnQemuGuestAgentWithoutSending() throws Exception {
    try (FakeAgent agent =
            new FakeAgent(dir.resolve("qga.sock"), FakeAgent.qemuInfo(), (r, ch) -> null);
        AgentClient client = AgentClient.connect(AgentEndpoint.unix(agent.path), FAST)) {
      assertThatThrownBy(() -> client.call(VimanaCommands.STATUS, StatusRequest.DEFAULT))
          .isInstanceOfSatisfying(
              AgentException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
          .hasMessageContaining("vimana-status is unavailable on qemu-guest-agent 7.2.22");
      assertThat(agent.received).extracting(r -> r.command()).doesNotContain("vimana-status");
    }
  }

  @Test
  void classifiesBlockedUnknownAndBadArguments() throws Exception {
    try (FakeAgent agent =
            new FakeAgent(
                dir.resolve("qga.sock"),
                FakeAgent.qemuInfo("guest-exec"),
                (r, ch) ->
                    switch (r.command()) {
                      case "guest-nope" ->
                          FakeAgent.error(
                              "CommandNotFound",
                              "The command guest-nope has not been found",
                              r.id());
                      case "guest-get-time" ->
                          FakeAgent.error("GenericError", "Parameter 'x' is unexpected", r.id());
                      default ->
                          FakeAgent.error(
                              "CommandNotFound",
                              "Command " + r.command() + " has been disabled",
                              r.id());
                    });
        AgentClient client = AgentClient.connect(AgentEndpoint.unix(agent.path), FAST)) {
      assertThat(kindOf(() -> client.call("guest-exec", JsonObject.empty(), Duration.ofSeconds(1))))
          .isEqualTo(Kind.BLOCKED);
      assertThat(kindOf(() -> client.call("guest-nope", JsonObject.empty(), Duration.ofSeconds(1))))
          .isEqualTo(Kind.UNKNOWN_COMMAND);
      assertThat(
              kindOf(
                  () -> client.call("guest-get-time", JsonObject.empty(), Duration.ofSeconds(1))))
          .isEqualTo(Kind.BAD_ARGUMENTS);
      assertThat(
              kindOf(() -> client.call("guest-other", JsonObject.empty(), Duration.ofSeconds(1))))
          .isEqualTo(Kind.BLOCKED); // told by the agent's reply, not by guest-info
    }
  }

  @Test
  void multiplexesOutOfOrderRepliesAndTimesOut() throws Exception {
    CompletableFuture<String> slow = new CompletableFuture<>();
    try (FakeAgent agent =
            new FakeAgent(
                dir.resolve("v.sock"),
                FakeAgent.vimanaInfo(),
                (r, ch) -> {
                  String text = r.arguments().optStr("text");
                  if ("slow".equals(text)) {
                    slow.complete(FakeAgent.reply(JsonValue.of("slow"), r.id()));
                    return null; // answered later, after the fast one
                  }
                  if ("never".equals(text)) {
                    return null;
                  }
                  String fast = FakeAgent.reply(JsonValue.of(text), r.id());
                  return slow.isDone() ? fast + slow.join() : fast;
                });
        AgentClient client = AgentClient.connect(AgentEndpoint.unix(agent.path), FAST)) {
      assertThat(client.capabilities().kind()).isEqualTo(AgentCapabilities.Kind.VIMANA);
      CompletableFuture<JsonValue> first =
          CompletableFuture.supplyAsync(() -> callEcho(client, "slow"));
      slow.get(5, TimeUnit.SECONDS);
      assertThat(callEcho(client, "fast")).isEqualTo(JsonValue.of("fast"));
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(JsonValue.of("slow"));
      assertThatThrownBy(() -> client.call("echo", text("never"), Duration.ofMillis(100)))
          .isInstanceOfSatisfying(
              AgentException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
      assertThat(callEcho(client, "after")).isEqualTo(JsonValue.of("after"));
    }
  }

  @Test
  void dispatchesEventsAndReconnectsAfterTheAgentDrops() throws Exception {
    List<String> lifecycle = new CopyOnWriteArrayList<>();
    ConnectionListener listener =
        new ConnectionListener() {
          @Override
          public void connected(AgentCapabilities c) {
            lifecycle.add("up");
          }

          @Override
          public void disconnected(String reason) {
            lifecycle.add("down");
          }
        };
    try (FakeAgent agent =
            new FakeAgent(
                dir.resolve("v.sock"),
                FakeAgent.vimanaInfo(),
                (r, ch) -> {
                  Event e = new Event("VIMANA_TEST", JsonObject.empty(), Instant.EPOCH);
                  return FakeAgent.reply(JsonObject.empty(), r.id()) + WireCodec.encode(e) + "\n";
                });
        AgentClient client =
            AgentClient.connect(AgentEndpoint.unix(agent.path), FAST.withListener(listener))) {
      BlockingQueue<Event> events = new ArrayBlockingQueue<>(10);
      client.addEventListener(events::add);
      client.call(QgaCommands.PING);
      assertThat(events.poll(5, TimeUnit.SECONDS).name()).isEqualTo("VIMANA_TEST");

      agent.dropClients();
      waitUntil(() -> !client.isConnected());
      client.call(QgaCommands.PING); // lazy reconnect
      assertThat(client.isConnected()).isTrue();
      assertThat(lifecycle).containsExactly("up", "down", "up");
    }
  }

  @Test
  void unreachableWhenNothingListens() throws Exception {
    Path missing = dir.resolve("missing.sock");
    assertThatThrownBy(() -> AgentClient.connect(AgentEndpoint.unix(missing), FAST))
        .isInstanceOfSatisfying(
            AgentException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
        .hasMessageContaining("agent unreachable at unix:" + missing);
    Files.createFile(dir.resolve("plain-file"));
    assertThatThrownBy(
            () -> AgentClient.connect(AgentEndpoint.unix(dir.resolve("plain-file")), FAST))
        .isInstanceOfSatisfying(
            AgentException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE));
  }

  @Test
  void endpointsParse() {
    assertThat(AgentEndpoint.parse("unix:/run/a.sock").describe()).isEqualTo("unix:/run/a.sock");
    assertThat(AgentEndpoint.parse("tcp:10.0.0.1:9300").describe()).isEqualTo("tcp:10.0.0.1:9300");
    assertThatThrownBy(() -> AgentEndpoint.parse("serial:x")).hasMessageContaining("unix:/path");
  }

  private static JsonObject text(String t) {
    return JsonObject.builder().put("text", t).build();
  }

  private static JsonValue callEcho(AgentClient client, String t) {
    try {
      return client.call("echo", text(t), Duration.ofSeconds(5));
    } catch (AgentException e) {
      throw new IllegalStateException(e);
    }
  }

  interface Call {
    void run() throws AgentException;
  }

  private static Kind kindOf(Call call) {
    try {
      call.run();
    } catch (AgentException e) {
      return e.kind();
    }
    throw new AssertionError("expected an AgentException");
  }

  private static void waitUntil(java.util.function.BooleanSupplier cond)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not reached in 5 s");
      }
      Thread.sleep(10);
    }
  }
}
