package org.vimana.agent.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageFramerTest {
  private final List<String> messages = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private int sentinels;

  private final MessageFramer framer =
      new MessageFramer(
          1024,
          new MessageFramer.Sink() {
            @Override
            public void onMessage(String text) {
              messages.add(text);
            }

            @Override
            public void onError(String description) {
              errors.add(description);
            }

            @Override
            public void onSentinel() {
              sentinels++;
            }
          });

  private void feed(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    framer.feed(b, 0, b.length);
  }

  @Test
  void cutsObjectsWithOrWithoutNewlines() {
    feed("{\"a\":1}{\"b\":\"}{\"}\n  {\"c\":[1,{}]}");
    assertThat(messages).containsExactly("{\"a\":1}", "{\"b\":\"}{\"}", "{\"c\":[1,{}]}");
    assertThat(errors).isEmpty();
  }

  @Test
  void reassemblesMessagesSplitAcrossReads() {
    for (char c : "{\"execute\":\"guest-ping\",\"s\":\"a\\\"}\"}".toCharArray()) {
      feed(String.valueOf(c));
    }
    assertThat(messages).containsExactly("{\"execute\":\"guest-ping\",\"s\":\"a\\\"}\"}");
  }

  @Test
  void reportsGarbageOnceAndRecovers() {
    feed("hello world\n{\"a\":1}");
    assertThat(errors).singleElement().asString().contains("'hello world'").contains("offset 0");
    assertThat(messages).containsExactly("{\"a\":1}");
  }

  @Test
  void newlineEndsTruncatedMessage() {
    feed("{\"execute\":\"guest-ping\"\n{\"a\":2}\n");
    assertThat(errors).singleElement().asString().contains("truncated JSON");
    assertThat(messages).containsExactly("{\"a\":2}");
  }

  @Test
  void sentinelDropsPartialMessage() {
    feed("{\"execute\":\"gue");
    framer.feed(new byte[] {(byte) 0xFF}, 0, 1);
    feed("{\"a\":3}");
    assertThat(sentinels).isEqualTo(1);
    assertThat(errors).isEmpty();
    assertThat(messages).containsExactly("{\"a\":3}");
  }

  @Test
  void skipsOversizedMessageWithoutStoringIt() {
    String big = "{\"x\":\"" + "A".repeat(10 * 1024 * 1024) + "\"}\n";
    feed(big);
    feed("{\"ok\":1}\n");
    assertThat(errors).singleElement().asString().contains("longer than the limit of 1024 bytes");
    assertThat(messages).containsExactly("{\"ok\":1}");
  }

  @Test
  void oversizedUnterminatedLineEndsAtNewline() {
    feed("{\"x\":\"" + "B".repeat(5000) + "\n{\"ok\":2}");
    assertThat(errors).hasSize(1);
    assertThat(messages).containsExactly("{\"ok\":2}");
  }

  @Test
  void invalidUtf8IsAnError() {
    framer.feed(new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}, 0, 7);
    assertThat(errors).singleElement().asString().contains("not valid UTF-8");
    assertThat(messages).isEmpty();
  }
}
