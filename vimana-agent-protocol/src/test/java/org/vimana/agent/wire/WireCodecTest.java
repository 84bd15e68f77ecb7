package org.vimana.agent.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonParser;
import org.vimana.agent.json.JsonValue;

class WireCodecTest {
  @Test
  void decodesRequestsStrictly() {
    Request r =
        WireCodec.decodeRequest(
            JsonParser.parse(
                "{\"execute\":\"guest-exec\",\"arguments\":{\"path\":\"/bin/true\"},\"id\":\"x\"}"));
    assertThat(r.command()).isEqualTo("guest-exec");
    assertThat(r.arguments().str("path")).isEqualTo("/bin/true");
    assertThat(r.id()).isEqualTo(JsonValue.of("x"));
    assertThat(
            WireCodec.decodeRequest(JsonParser.parse("{\"execute\":\"guest-ping\"}")).arguments())
        .isEqualTo(JsonObject.empty());
  }

  @Test
  void rejectsMalformedRequestsKeepingTheId() {
    assertThatThrownBy(() -> WireCodec.decodeRequest(JsonParser.parse("[1]")))
        .hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> WireCodec.decodeRequest(JsonParser.parse("{\"id\":4}")))
        .isInstanceOfSatisfying(
            WireException.class, e -> assertThat(e.id()).isEqualTo(JsonValue.of(4)))
        .hasMessageContaining("'execute'");
    assertThatThrownBy(
            () -> WireCodec.decodeRequest(JsonParser.parse("{\"execute\":\"a\",\"arguments\":[]}")))
        .hasMessageContaining("'arguments' must be an object");
    assertThatThrownBy(
            () -> WireCodec.decodeRequest(JsonParser.parse("{\"execute\":\"a\",\"x\":1}")))
        .hasMessageContaining("'x' is unexpected");
  }

  @Test
  void roundTripsRepliesAndEvents() {
    Reply.Ok ok = new Reply.Ok(JsonValue.of(5), JsonValue.of(1));
    Reply.Err err = new Reply.Err(ErrorClass.COMMAND_DISABLED, "no", JsonValue.of(2));
    Event ev =
        new Event(
            "VIMANA_STATUS",
            JsonObject.builder().put("a", 1).build(),
            Instant.ofEpochSecond(10, 5000));
    for (Message m : new Message[] {ok, err, ev}) {
      assertThat(WireCodec.decodeIncoming(JsonParser.parse(WireCodec.encode(m)))).isEqualTo(m);
    }
    assertThat(WireCodec.encode(err))
        .isEqualTo("{\"error\":{\"class\":\"CommandDisabled\",\"desc\":\"no\"},\"id\":2}");
  }

  @Test
  void readsQemuGuestAgentReplies() {
    Message m =
        WireCodec.decodeIncoming(
            JsonParser.parse(
                "{\"id\": 8, \"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command"
                    + " guest-nope has not been found\"}}"));
    assertThat(m).isInstanceOf(Reply.Err.class);
    assertThat(((Reply.Err) m).errorClass()).isEqualTo("CommandNotFound");
    assertThatThrownBy(() -> WireCodec.decodeIncoming(JsonParser.parse("{\"x\":1}")))
        .isInstanceOf(WireException.class);
  }
}
