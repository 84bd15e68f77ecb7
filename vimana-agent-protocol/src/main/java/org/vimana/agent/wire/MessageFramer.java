package org.vimana.agent.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a byte stream into top-level JSON texts with bounded memory, as QEMU's JSON streamer does,
 * with three resynchronisation points that make a dirty channel recoverable:
 *
 * <ul>
 *   <li>a 0xFF byte (never valid in UTF-8 JSON) drops any partial message (guest-sync-delimited);
 *   <li>a newline outside a string ends a message: a request is one line, so an unclosed object is
 *       reported as truncated at the newline instead of swallowing the next request;
 *   <li>a message longer than the limit is skipped to its end without being stored.
 * </ul>
 *
 * Bytes outside an object that are not whitespace are reported once per run as garbage. Not
 * thread-safe: one reader thread feeds it.
 */
public final class MessageFramer {
  /** The resynchronisation byte of guest-sync-delimited. */
  public static final int SENTINEL = 0xFF;

  private static final int INITIAL = 1024;
  private static final int SAMPLE = 32;

  /** Receives what the framer finds. */
  public interface Sink {
    /** A complete JSON text (not yet parsed). */
    void onMessage(String text);

    /** A framing error; the framer has already resynchronised. */
    void onError(String description);

    /** A 0xFF sentinel was seen. */
    default void onSentinel() {}
  }

  private enum State {
    OUTSIDE,
    MESSAGE,
    OVERSIZE,
    GARBAGE
  }

  private final int maxBytes;
  private final Sink sink;
  private byte[] buf = new byte[INITIAL];
  private int len;
  private State state = State.OUTSIDE;
  private int depth;
  private boolean inString;
  private boolean escaped;
  private long offset;
  private long start;
  private final StringBuilder sample = new StringBuilder();

  public MessageFramer(int maxBytes, Sink sink) {
    if (maxBytes < 2) {
      throw new IllegalArgumentException("maxBytes must be at least 2, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.sink = sink;
  }

  /** Feeds bytes; callbacks run on the calling thread before this returns. */
  public void feed(byte[] data, int off, int n) {
    for (int i = off; i < off + n; i++) {
      feed(data[i] & 0xff);
    }
  }

  /** Drops any partial message, as after a reconnect. */
  public void reset() {
    state = State.OUTSIDE;
    len = 0;
    depth = 0;
    inString = false;
    escaped = false;
    if (buf.length > 64 * INITIAL) {
      buf = new byte[INITIAL]; // do not keep a large buffer alive after one big message
    }
  }

  private void feed(int b) {
    offset++;
    if (b == SENTINEL) {
      endGarbageOrOversize();
      reset();
      sink.onSentinel();
      return;
    }
    switch (state) {
      case OUTSIDE -> outside(b);
      case GARBAGE -> garbage(b);
      case MESSAGE, OVERSIZE -> inMessage(b);
    }
  }

  private void outside(int b) {
    if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
      return;
    }
    if (b == '{' || b == '[') {
      state = State.MESSAGE;
      start = offset - 1;
      depth = 1;
      len = 0;
      append(b);
      return;
    }
    state = State.GARBAGE;
    start = offset - 1;
    sample.setLength(0);
    sampleByte(b);
  }

  private void garbage(int b) {
    if (b == '\n' || b == '{' || b == '[') {
      endGarbageOrOversize();
      reset();
      if (b != '\n') {
        outside(b);
      }
      return;
    }
    sampleByte(b);
  }

  private void inMessage(int b) {
    if (state == State.MESSAGE) {
      append(b);
    }
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (b == '\\') {
        escaped = true;
      } else if (b == '"') {
        inString = false;
      } else if (b == '\n') {
        fail("unterminated string at a newline");
      }
      return;
    }
    switch (b) {
      case '"' -> inString = true;
      case '{', '[' -> depth++;
      case '}', ']' -> {
        if (--depth == 0) {
          complete();
        }
      }
      case '\n' -> fail("truncated JSON: the line ended before the message was closed");
      default -> {}
    }
  }

  private void complete() {
    if (state == State.OVERSIZE) {
      endGarbageOrOversize();
    } else {
      try {
        String text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(buf, 0, len))
                .toString();
        reset();
        sink.onMessage(text);
        return;
      } catch (CharacterCodingException e) {
        sink.onError("message at offset " + start + " is not valid UTF-8");
      }
    }
    reset();
  }

  private void fail(String why) {
    boolean oversize = state == State.OVERSIZE;
    reset();
    sink.onError(
        oversize
            ? tooLong()
            : "JSON parse error at offset "
                + (offset - 1)
                + " (message began at "
                + start
                + "): "
                + why);
  }

  private void endGarbageOrOversize() {
    if (state == State.GARBAGE) {
      sink.onError(
          "unexpected bytes outside a JSON object at offset "
              + start
              + " ("
              + (offset - start - 1)
              + " bytes): '"
              + sample
              + "'");
    } else if (state == State.OVERSIZE) {
      sink.onError(tooLong());
    }
  }

  private String tooLong() {
    return "message at offset "
        + start
        + " is longer than the limit of "
        + maxBytes
        + " bytes ("
        + (offset - start)
        + " bytes skipped)";
  }

  private void append(int b) {
    if (len == maxBytes) {
      state = State.OVERSIZE;
      len = 0;
      buf = new byte[INITIAL];
      return;
    }
    if (len == buf.length) {
      buf = Arrays.copyOf(buf, (int) Math.min(maxBytes, 2L * buf.length));
    }
    buf[len++] = (byte) b;
  }

  private void sampleByte(int b) {
    if (sample.length() < SAMPLE) {
      sample.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
    }
  }
}
