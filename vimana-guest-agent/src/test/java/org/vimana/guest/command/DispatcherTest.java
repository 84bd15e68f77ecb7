package org.vimana.guest.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonParser;
import org.vimana.agent.json.JsonValue;
import org.vimana.agent.wire.ErrorClass;
import org.vimana.agent.wire.Event;
import org.vimana.agent.wire.Reply;
import org.vimana.guest.policy.Policy;

class DispatcherTest {
  static final class RecordingPeer implements Peer {
    final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void push(Event event) {
      events.add(event);
    }

    @Override
    public void replaceSubscription(ScheduledFuture<?> subscription) {}
  }

  private final List<String> shutdowns = new ArrayList<>();
  private final Dispatcher d =
      new Dispatcher(
          new Policy(null, Set.of("guest-exec")),
          "1.0",
          List.of(
              CommandSpec.of("guest-exec", (a, p) -> JsonObject.empty()),
              CommandSpec.of("echo", (a, p) -> JsonValue.of(a.str("text"))),
              CommandSpec.of(
                  "broken",
                  (a, p) -> {
                    throw new IOException("disk on fire");
                  }),
              new ShutdownCommand(shutdowns::add).spec()));

  private Reply call(String json) {
    return d.dispatch(
        org.vimana.agent.wire.WireCodec.decodeRequest(JsonParser.parse(json)), new RecordingPeer());
  }

  @Test
  void eachFailureHasItsOwnClass() {
    assertThat(call("{\"execute\":\"nope\",\"id\":1}"))
        .isEqualTo(
            new Reply.Err(
                ErrorClass.COMMAND_NOT_FOUND,
                "The command nope has not been found",
                JsonValue.of(1)));
    assertThat(((Reply.Err) call("{\"execute\":\"guest-exec\"}")).errorClass())
        .isEqualTo(ErrorClass.COMMAND_DISABLED);
    assertThat(((Reply.Err) call("{\"execute\":\"echo\",\"arguments\":{\"text\":1}}")).desc())
        .isEqualTo("Invalid parameter type for 'text', expected: string (got number)");
    Reply.Err broken = (Reply.Err) call("{\"execute\":\"broken\"}");
    assertThat(broken.errorClass()).isEqualTo(ErrorClass.GENERIC);
    assertThat(broken.desc()).isEqualTo("broken failed: IOException: disk on fire");
    assertThat(call("{\"execute\":\"echo\",\"arguments\":{\"text\":\"hi\"},\"id\":\"a\"}"))
        .isEqualTo(new Reply.Ok(JsonValue.of("hi"), JsonValue.of("a")));
  }

  @Test
  void infoListsCommandsWithPolicy() {
    var info = d.info();
    assertThat(info.version()).isEqualTo("1.0");
    assertThat(info.supportedCommands())
        .filteredOn(c -> c.name().equals("guest-exec"))
        .singleElement()
        .satisfies(c -> assertThat(c.enabled()).isFalse());
    assertThat(info.supportedCommands())
        .filteredOn(c -> c.name().equals("guest-shutdown"))
        .singleElement()
        .satisfies(c -> assertThat(c.successResponse()).isFalse());
  }

  @Test
  void shutdownSendsNoReplyOnSuccessAndValidatesMode() {
    assertThat(call("{\"execute\":\"guest-shutdown\",\"arguments\":{\"mode\":\"reboot\"}}"))
        .isNull();
    assertThat(shutdowns).containsExactly("reboot");
    assertThat(call("{\"execute\":\"guest-shutdown\"}")).isNull();
    assertThat(shutdowns).containsExactly("reboot", "powerdown");
    assertThat(
            ((Reply.Err) call("{\"execute\":\"guest-shutdown\",\"arguments\":{\"mode\":\"nap\"}}"))
                .errorClass())
        .isEqualTo(ErrorClass.INVALID_PARAMETER);
  }
}
