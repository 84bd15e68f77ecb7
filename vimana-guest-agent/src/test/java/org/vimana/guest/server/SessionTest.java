package org.vimana.guest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vimana.agent.json.JsonParser;
import org.vimana.agent.wire.Message;
import org.vimana.agent.wire.Reply;
import org.vimana.agent.wire.WireCodec;
import org.vimana.guest.Fixtures;
import org.vimana.guest.policy.AgentConfig;
import org.vimana.guest.policy.Policy;

/** A session fed a dirty byte stream in one go, without sockets. */
class SessionTest {
  private List<Message> run(byte[] input) {
    AgentConfig config =
        new AgentConfig("stdio", new Policy(null, Set.of("guest-exec")), List.of(), 4096, 1024);
    try (Agent agent =
        new Agent(
            config, Fixtures.root(), Clock.systemUTC(), Fixtures.SPACE, n -> List.of(), m -> {})) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      agent.session("test", new ByteArrayInputStream(input), out).run();
      String text = out.toString(StandardCharsets.ISO_8859_1);
      assertThat(text.indexOf('\u00ff')).isLessThanOrEqualTo(0); // a sentinel only at the start
      return text.replace("\u00ff", "")
          .lines()
          .map(l -> WireCodec.decodeIncoming(JsonParser.parse(l)))
          .toList();
    }
  }

  private static String errClass(Message m) {
    return m instanceof Reply.Err e ? e.errorClass() : "ok";
  }

  @Test
  void dirtyInputGetsProtocolErrorsAndServingGoesOn() {
    String big =
        "{\"execute\":\"guest-ping\",\"arguments\":{\"x\":\"" + "A".repeat(100_000) + "\"}}\n";
    String input =
        "\u00ff{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":5}}\n"
            + "garbage!\n"
            + big
            + "{\"execute\":\"guest-ping\"\n"
            + "{\"execute\":\"guest-nope\"}\n"
            + "{\"execute\":\"guest-exec\",\"arguments\":{\"path\":\"/bin/true\"}}\n"
            + "{\"execute\":\"guest-get-host-name\",\"arguments\":{\"x\":1}}\n"
            + "[1,2]\n"
            + "{\"execute\":\"guest-get-host-name\"}\n";
    List<Message> replies = run(input.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(replies)
        .extracting(SessionTest::errClass)
        .containsExactly(
            "ok",
            "ProtocolError",
            "ProtocolError",
            "ProtocolError",
            "CommandNotFound",
            "CommandDisabled",
            "InvalidParameter",
            "ProtocolError",
            "ok");
    assertThat(((Reply.Ok) replies.get(0)).value().toJson()).isEqualTo("5");
    assertThat(((Reply.Ok) replies.get(8)).value().toJson())
        .isEqualTo("{\"host-name\":\"guest1\"}");
  }
}
